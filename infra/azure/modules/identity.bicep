// User-assigned managed identity of the Function App. It reaches storage, Key Vault and Application Insights
// with role assignments, so no account key or instrumentation key is stored in app settings.

@description('Name of the managed identity.')
param name string

@description('Azure region of the identity.')
param location string

@description('Tags put on the identity.')
param tags object

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: name
  location: location
  tags: tags
}

@description('Resource id of the identity.')
output id string = identity.id

@description('Client id of the identity, for DefaultAzureCredential and the AzureWebJobsStorage__clientId setting.')
output clientId string = identity.properties.clientId

@description('Principal id of the identity, for role assignments.')
output principalId string = identity.properties.principalId
