// Linux Function App on the Flex Consumption plan, running the .NET isolated worker. Every connection uses
// the user-assigned identity: the host storage (AzureWebJobsStorage__*), the deployment package container,
// Application Insights ingestion and the Key Vault references.

@description('Name of the Function App.')
param name string

@description('Name of the Flex Consumption plan.')
param planName string

@description('Azure region of the plan and the app.')
param location string

@description('Tags put on the plan; the app gets them and the azd service tag.')
param tags object

@description('Resource id of the user-assigned identity.')
param identityId string

@description('Client id of the user-assigned identity.')
param identityClientId string

@description('Name of the storage account for the task hub, registries and records.')
param storageAccountName string

@description('Blob endpoint of that account, ending with a slash.')
param storageBlobEndpoint string

@description('Blob container that holds the deployment package.')
param deploymentContainerName string

@description('Connection string of Application Insights.')
param appInsightsConnectionString string

@description('Version of the dotnet-isolated runtime.')
param runtimeVersion string

@description('Maximum number of instances the plan scales out to.')
@minValue(40)
@maxValue(1000)
param maximumInstanceCount int

@description('Memory of each instance in MB.')
@allowed([
  512
  2048
  4096
])
param instanceMemoryMB int

@description('SMTP settings of the notice sender; an empty host writes notices as .eml files instead.')
param smtp {
  host: string
  port: int
  tlsMode: ('None' | 'StartTls' | 'SslOnConnect')
  userName: string
  fromAddress: string
  fromName: string
}

@description('URI of the Key Vault secret with the SMTP password, without a version; empty sets no password.')
param smtpPasswordSecretUri string

var storageSettings = [
  { name: 'AzureWebJobsStorage__accountName', value: storageAccountName }
  { name: 'AzureWebJobsStorage__credential', value: 'managedidentity' }
  { name: 'AzureWebJobsStorage__clientId', value: identityClientId }
]

var telemetrySettings = [
  { name: 'APPLICATIONINSIGHTS_CONNECTION_STRING', value: appInsightsConnectionString }
  { name: 'APPLICATIONINSIGHTS_AUTHENTICATION_STRING', value: 'ClientId=${identityClientId};Authorization=AAD' }
]

var smtpSettings = empty(smtp.host) ? [] : [
  { name: 'Smtp__Host', value: smtp.host }
  { name: 'Smtp__Port', value: string(smtp.port) }
  { name: 'Smtp__TlsMode', value: smtp.tlsMode }
  { name: 'Smtp__UserName', value: smtp.userName }
  { name: 'Smtp__FromAddress', value: smtp.fromAddress }
  { name: 'Smtp__FromName', value: smtp.fromName }
]

// A reference without a secret version resolves to the latest version, so rotating the secret needs no
// redeployment (App Service refreshes references within 24 hours, or on restart).
var smtpPasswordSettings = empty(smtpPasswordSecretUri) ? [] : [
  { name: 'Smtp__Password', value: '@Microsoft.KeyVault(SecretUri=${smtpPasswordSecretUri})' }
]

resource plan 'Microsoft.Web/serverfarms@2024-04-01' = {
  name: planName
  location: location
  tags: tags
  kind: 'functionapp'
  sku: {
    name: 'FC1'
    tier: 'FlexConsumption'
  }
  properties: {
    reserved: true
  }
}

resource app 'Microsoft.Web/sites@2024-04-01' = {
  name: name
  location: location
  tags: union(tags, { 'azd-service-name': 'functions' })
  kind: 'functionapp,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identityId}': {}
    }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    keyVaultReferenceIdentity: identityId
    siteConfig: {
      minTlsVersion: '1.2'
      ftpsState: 'Disabled'
      appSettings: concat(storageSettings, telemetrySettings, smtpSettings, smtpPasswordSettings)
    }
    functionAppConfig: {
      deployment: {
        storage: {
          type: 'blobContainer'
          value: '${storageBlobEndpoint}${deploymentContainerName}'
          authentication: {
            type: 'UserAssignedIdentity'
            userAssignedIdentityResourceId: identityId
          }
        }
      }
      scaleAndConcurrency: {
        maximumInstanceCount: maximumInstanceCount
        instanceMemoryMB: instanceMemoryMB
      }
      runtime: {
        name: 'dotnet-isolated'
        version: runtimeVersion
      }
    }
  }
}

@description('Name of the Function App.')
output name string = app.name

@description('Default host name of the Function App.')
output defaultHostName string = app.properties.defaultHostName
