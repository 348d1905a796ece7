// Storage account for the Durable Task hub (queues, tables, blobs), the registries (tables), the draw
// records (blobs) and the Function App's deployment package. Shared key access is off, so every client
// signs in with Entra ID; the Function App's identity gets the data roles below.

@description('Name of the storage account: 3 to 24 lowercase letters and digits, unique in Azure.')
@minLength(3)
@maxLength(24)
param name string

@description('Azure region of the account.')
param location string

@description('Tags put on the account.')
param tags object

@description('Replication of the account, for example Standard_LRS or Standard_ZRS.')
param skuName string

@description('Blob container that holds the Function App deployment package.')
param deploymentContainerName string

@description('Principal id of the identity that gets the storage data roles.')
param dataPrincipalId string

// Built-in roles. Blob Data Owner: the Functions host manages blob leases and the durable engine's large
// messages. Queue Data Contributor: the task hub's control and work-item queues. Table Data Contributor:
// the task hub's history and instance tables, and the registries.
var roleIds = {
  blobDataOwner: 'b7e6dc6d-f1e8-4753-8033-0f276bb0955b'
  queueDataContributor: '974c5e8b-45b9-4653-ba55-5f855dd0fb88'
  tableDataContributor: '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3'
}

resource account 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: name
  location: location
  tags: tags
  kind: 'StorageV2'
  sku: {
    name: skuName
  }
  properties: {
    accessTier: 'Hot'
    allowBlobPublicAccess: false
    allowSharedKeyAccess: false
    defaultToOAuthAuthentication: true
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
  }
}

resource blobService 'Microsoft.Storage/storageAccounts/blobServices@2023-05-01' = {
  parent: account
  name: 'default'
}

resource deploymentContainer 'Microsoft.Storage/storageAccounts/blobServices/containers@2023-05-01' = {
  parent: blobService
  name: deploymentContainerName
  properties: {
    publicAccess: 'None'
  }
}

resource dataRoles 'Microsoft.Authorization/roleAssignments@2022-04-01' = [
  for role in items(roleIds): {
    name: guid(account.id, dataPrincipalId, role.value)
    scope: account
    properties: {
      principalId: dataPrincipalId
      principalType: 'ServicePrincipal'
      roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', role.value)
    }
  }
]

@description('Name of the storage account.')
output name string = account.name

@description('Blob endpoint of the account, ending with a slash.')
output blobEndpoint string = account.properties.primaryEndpoints.blob
