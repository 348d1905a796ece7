// Azure deployment of the inspection draws: a resource group with the Function App on Flex Consumption, its
// storage account, managed identity, Key Vault and monitoring. `azd up` deploys it with main.bicepparam, and
// `az deployment sub create` with one of the files in environments/.
targetScope = 'subscription'

@description('Name of the environment (dev, test, prod...); it is part of every resource name.')
@minLength(1)
@maxLength(20)
param environmentName string

@description('Azure region of every resource.')
param location string

@description('Name of the resource group; empty derives it from the environment name.')
param resourceGroupName string = ''

@description('Replication of the storage account.')
@allowed([
  'Standard_LRS'
  'Standard_ZRS'
  'Standard_GRS'
  'Standard_GZRS'
])
param storageSkuName string = 'Standard_LRS'

@description('Version of the dotnet-isolated runtime on the Function App.')
param functionsRuntimeVersion string = '10.0'

@description('Maximum number of Function App instances.')
@minValue(40)
@maxValue(1000)
param maximumInstanceCount int = 100

@description('Memory of each Function App instance in MB.')
@allowed([
  512
  2048
  4096
])
param instanceMemoryMB int = 2048

@description('Days the Log Analytics workspace keeps logs.')
@minValue(30)
@maxValue(730)
param logRetentionInDays int = 30

@description('Keeps a deleted Key Vault recoverable for 90 days; leave it off where environments are torn down.')
param keyVaultPurgeProtection bool = true

@description('SMTP server of the notice sender; an empty host writes notices as .eml files instead.')
param smtpHost string = ''

@description('Port of the SMTP server.')
param smtpPort int = 587

@description('TLS mode of the SMTP connection.')
@allowed([
  'None'
  'StartTls'
  'SslOnConnect'
])
param smtpTlsMode string = 'StartTls'

@description('SMTP user name; empty sends without authentication.')
param smtpUserName string = ''

@description('SMTP password, stored in Key Vault and referenced from the app settings.')
@secure()
param smtpPassword string = ''

@description('Sender address of notices.')
param smtpFromAddress string = ''

@description('Sender display name of notices.')
param smtpFromName string = ''

var tags = {
  'azd-env-name': environmentName
  application: 'inspection-draws'
}

// Unique per subscription, environment and region, so names of global resources do not collide.
var token = toLower(uniqueString(subscription().id, environmentName, location))
var deploymentContainerName = 'app-package-${take(token, 7)}'
var smtpPasswordSecretName = 'smtp-password'

resource group 'Microsoft.Resources/resourceGroups@2024-03-01' = {
  name: empty(resourceGroupName) ? 'rg-${environmentName}' : resourceGroupName
  location: location
  tags: tags
}

module identity 'modules/identity.bicep' = {
  name: 'identity'
  scope: group
  params: {
    name: 'id-${environmentName}-${token}'
    location: location
    tags: tags
  }
}

module storage 'modules/storage.bicep' = {
  name: 'storage'
  scope: group
  params: {
    name: take('st${token}', 24)
    location: location
    tags: tags
    skuName: storageSkuName
    deploymentContainerName: deploymentContainerName
    dataPrincipalId: identity.outputs.principalId
  }
}

module monitoring 'modules/monitoring.bicep' = {
  name: 'monitoring'
  scope: group
  params: {
    workspaceName: 'log-${environmentName}-${token}'
    appInsightsName: 'appi-${environmentName}-${token}'
    location: location
    tags: tags
    retentionInDays: logRetentionInDays
    publisherPrincipalId: identity.outputs.principalId
  }
}

module vault 'modules/keyvault.bicep' = {
  name: 'keyvault'
  scope: group
  params: {
    name: take('kv${token}', 24)
    location: location
    tags: tags
    readerPrincipalId: identity.outputs.principalId
    purgeProtection: keyVaultPurgeProtection
    smtpPasswordSecretName: smtpPasswordSecretName
    smtpPassword: smtpPassword
  }
}

module functions 'modules/functionapp.bicep' = {
  name: 'functions'
  scope: group
  params: {
    name: 'func-${environmentName}-${token}'
    planName: 'plan-${environmentName}-${token}'
    location: location
    tags: tags
    identityId: identity.outputs.id
    identityClientId: identity.outputs.clientId
    storageAccountName: storage.outputs.name
    storageBlobEndpoint: storage.outputs.blobEndpoint
    deploymentContainerName: deploymentContainerName
    appInsightsConnectionString: monitoring.outputs.connectionString
    runtimeVersion: functionsRuntimeVersion
    maximumInstanceCount: maximumInstanceCount
    instanceMemoryMB: instanceMemoryMB
    smtp: {
      host: smtpHost
      port: smtpPort
      tlsMode: smtpTlsMode
      userName: smtpUserName
      fromAddress: smtpFromAddress
      fromName: smtpFromName
    }
    smtpPasswordSecretUri: empty(smtpPassword) ? '' : '${vault.outputs.uri}secrets/${smtpPasswordSecretName}'
  }
}

@description('Region of the deployment; azd reads it.')
output AZURE_LOCATION string = location

@description('Resource group of the deployment.')
output AZURE_RESOURCE_GROUP string = group.name

@description('Name of the Function App.')
output AZURE_FUNCTION_APP_NAME string = functions.outputs.name

@description('Base address of the HTTP API.')
output SERVICE_FUNCTIONS_URI string = 'https://${functions.outputs.defaultHostName}/api'

@description('Name of the storage account, for the seed command of the self-host.')
output AZURE_STORAGE_ACCOUNT_NAME string = storage.outputs.name

@description('URI of the Key Vault that holds the SMTP password.')
output AZURE_KEY_VAULT_URI string = vault.outputs.uri
