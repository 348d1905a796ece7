// Key Vault for the SMTP credentials. The Function App reads them through Key Vault references in its app
// settings, so the password never appears in the app's configuration or in a deployment's outputs.

@description('Name of the Key Vault: 3 to 24 letters, digits and hyphens, unique in Azure.')
@minLength(3)
@maxLength(24)
param name string

@description('Azure region of the vault.')
param location string

@description('Tags put on the vault.')
param tags object

@description('Principal id of the identity that reads the secrets.')
param readerPrincipalId string

@description('Name of the secret that holds the SMTP password.')
param smtpPasswordSecretName string

@description('SMTP password to store; empty stores no secret.')
@secure()
param smtpPassword string

@description('Turns on purge protection: a deleted vault and its secrets stay recoverable for 90 days.')
param purgeProtection bool

// Built-in role "Key Vault Secrets User": reads secret values, nothing else.
var secretsUserRoleId = '4633458b-17de-408a-b874-0445c86b69e6'

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: name
  location: location
  tags: tags
  properties: {
    tenantId: subscription().tenantId
    sku: {
      family: 'A'
      name: 'standard'
    }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 90
    // Purge protection cannot be turned off once on, and the API rejects false, so off means unset.
    enablePurgeProtection: purgeProtection ? true : null
  }
}

resource smtpPasswordSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = if (!empty(smtpPassword)) {
  parent: vault
  name: smtpPasswordSecretName
  properties: {
    value: smtpPassword
  }
}

resource secretsReader 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(vault.id, readerPrincipalId, secretsUserRoleId)
  scope: vault
  properties: {
    principalId: readerPrincipalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', secretsUserRoleId)
  }
}

@description('URI of the vault, ending with a slash.')
output uri string = vault.properties.vaultUri
