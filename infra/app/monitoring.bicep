param logAnalyticsName string
param appInsightsName string
param location string
param tags object

resource logs 'Microsoft.OperationalInsights/workspaces@2023-09-01' = {
  name: logAnalyticsName
  location: location
  tags: tags
  properties: {
    sku: {
      name: 'PerGB2018'
    }
    retentionInDays: 30
  }
}

resource appInsights 'Microsoft.Insights/components@2020-02-02' = {
  name: appInsightsName
  location: location
  tags: tags
  kind: 'web'
  properties: {
    Application_Type: 'web'
    WorkspaceResourceId: logs.id
    // Telemetry only with an Entra token (the app's identity holds Monitoring Metrics Publisher): the
    // connection string's instrumentation key alone can no longer write here.
    DisableLocalAuth: true
  }
}

// The connection string identifies the component; with local auth off it is not a credential either.
output connectionString string = appInsights.properties.ConnectionString
output appInsightsName string = appInsights.name
