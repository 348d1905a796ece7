// Log Analytics workspace and the workspace-based Application Insights resource that the Function App and
// its OpenTelemetry exporter send to. Local authentication is off, so ingestion needs an Entra ID token.

@description('Name of the Log Analytics workspace.')
param workspaceName string

@description('Name of the Application Insights resource.')
param appInsightsName string

@description('Azure region of both resources.')
param location string

@description('Tags put on both resources.')
param tags object

@description('Days the workspace keeps logs.')
@minValue(30)
@maxValue(730)
param retentionInDays int

@description('Principal id of the identity that publishes telemetry.')
param publisherPrincipalId string

// Built-in role "Monitoring Metrics Publisher": lets the identity send telemetry when local auth is off.
var metricsPublisherRoleId = '3913510d-42f4-4e42-8a64-420c390055eb'

resource workspace 'Microsoft.OperationalInsights/workspaces@2023-09-01' = {
  name: workspaceName
  location: location
  tags: tags
  properties: {
    sku: {
      name: 'PerGB2018'
    }
    retentionInDays: retentionInDays
  }
}

resource appInsights 'Microsoft.Insights/components@2020-02-02' = {
  name: appInsightsName
  location: location
  tags: tags
  kind: 'web'
  properties: {
    Application_Type: 'web'
    WorkspaceResourceId: workspace.id
    DisableLocalAuth: true
  }
}

resource publisher 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(appInsights.id, publisherPrincipalId, metricsPublisherRoleId)
  scope: appInsights
  properties: {
    principalId: publisherPrincipalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', metricsPublisherRoleId)
  }
}

@description('Connection string of Application Insights; it holds no secret because local auth is off.')
output connectionString string = appInsights.properties.ConnectionString
