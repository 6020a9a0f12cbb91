@description('Flex Consumption plan and the Function app, running as the user-assigned identity.')
param planName string
param appName string
param location string
param tags object
param identityId string
param identityClientId string
param storageAccountName string
param blobEndpoint string
param deploymentContainerName string
param appInsightsConnectionString string
param keyVaultUri string
param hasSendGridKey bool
param hasSmtpPassword bool
param mailProvider string
param mailFrom string
param smtpHost string
param smtpPort int
param smtpTls string
param smtpUser string
param cycleSchedule string

@description('WeCom group robots the unit directory names; each one\'s key is the Key Vault secret wecom-<name, _ as ->.')
param wecomRobots array = []

@description('DingTalk group robots the unit directory names; each one\'s access token and 加签 secret are the Key Vault secrets dingtalk-<name>-token and dingtalk-<name>-secret.')
param dingtalkRobots array = []

@description('WeCom API host; empty for the public one (https://qyapi.weixin.qq.com). A 政务微信 private deployment has its own.')
param wecomHost string = ''

@description('DingTalk API host; empty for the public one (https://oapi.dingtalk.com). 浙政钉 has its own.')
param dingtalkHost string = ''

resource plan 'Microsoft.Web/serverfarms@2024-04-01' = {
  name: planName
  location: location
  tags: tags
  kind: 'functionapp'
  sku: {
    tier: 'FlexConsumption'
    name: 'FC1'
  }
  properties: {
    reserved: true
  }
}

resource app 'Microsoft.Web/sites@2024-04-01' = {
  name: appName
  location: location
  tags: union(tags, { 'azd-service-name': 'api' })
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
      scmMinTlsVersion: '1.2'
      ftpsState: 'Disabled'
      http20Enabled: true
    }
    functionAppConfig: {
      deployment: {
        storage: {
          type: 'blobContainer'
          value: '${blobEndpoint}${deploymentContainerName}'
          authentication: {
            type: 'UserAssignedIdentity'
            userAssignedIdentityResourceId: identityId
          }
        }
      }
      scaleAndConcurrency: {
        maximumInstanceCount: 40
        instanceMemoryMB: 2048
      }
      runtime: {
        name: 'dotnet-isolated'
        version: '10.0'
      }
    }
  }
}

var baseSettings = {
  // Identity-based storage: service URIs and the identity, never an account key. Explicit URIs
  // (not just the account name) so the same template works in Azure China's endpoints.
  AzureWebJobsStorage__blobServiceUri: 'https://${storageAccountName}.blob.${environment().suffixes.storage}'
  AzureWebJobsStorage__queueServiceUri: 'https://${storageAccountName}.queue.${environment().suffixes.storage}'
  AzureWebJobsStorage__tableServiceUri: 'https://${storageAccountName}.table.${environment().suffixes.storage}'
  AzureWebJobsStorage__credential: 'managedidentity'
  AzureWebJobsStorage__clientId: identityClientId
  // Telemetry by identity: Application Insights has local (key) auth off. The Functions host reads this
  // setting; the worker's exporter gets the same identity in Program.cs.
  APPLICATIONINSIGHTS_CONNECTION_STRING: appInsightsConnectionString
  APPLICATIONINSIGHTS_AUTHENTICATION_STRING: 'Authorization=AAD;ClientId=${identityClientId}'
  Links__SigningKey: '@Microsoft.KeyVault(SecretUri=${keyVaultUri}secrets/links-signing-key/)'
  Mail__Provider: mailProvider
  Mail__From: mailFrom
  SendGrid__ApiKey: hasSendGridKey || mailProvider == 'SendGrid' ? '@Microsoft.KeyVault(SecretUri=${keyVaultUri}secrets/sendgrid-api-key/)' : ''
  Smtp__Host: smtpHost
  Smtp__Port: string(smtpPort)
  Smtp__Tls: smtpTls
  Smtp__User: smtpUser
  Smtp__Password: hasSmtpPassword || mailProvider == 'Smtp' ? '@Microsoft.KeyVault(SecretUri=${keyVaultUri}secrets/smtp-password/)' : ''
  Cycle__Schedule: cycleSchedule
  Channels__WeCom__Host: wecomHost
  Channels__DingTalk__Host: dingtalkHost
}

// Group robots: one app setting per robot key, token and secret, each a Key Vault reference (Key Vault secret
// names allow no underscore, so rsj_group's key is the secret wecom-rsj-group). No robot key is ever a value here.
var wecomSettings = toObject(wecomRobots, name => 'Channels__WeCom__Robots__${name}', name => '@Microsoft.KeyVault(SecretUri=${keyVaultUri}secrets/wecom-${replace(name, '_', '-')}/)')
var dingtalkTokenSettings = toObject(dingtalkRobots, name => 'Channels__DingTalk__Robots__${name}__AccessToken', name => '@Microsoft.KeyVault(SecretUri=${keyVaultUri}secrets/dingtalk-${replace(name, '_', '-')}-token/)')
var dingtalkSecretSettings = toObject(dingtalkRobots, name => 'Channels__DingTalk__Robots__${name}__Secret', name => '@Microsoft.KeyVault(SecretUri=${keyVaultUri}secrets/dingtalk-${replace(name, '_', '-')}-secret/)')

// Durable Functions runs on Azure Storage (the app's own account, by identity): the only backend whose
// extension this app references (README, Deploy).
resource settings 'Microsoft.Web/sites/config@2024-04-01' = {
  parent: app
  name: 'appsettings'
  properties: union(baseSettings, { Links__BaseUrl: 'https://${app.properties.defaultHostName}' }, wecomSettings, dingtalkTokenSettings, dingtalkSecretSettings)
}

output name string = app.name
output url string = 'https://${app.properties.defaultHostName}'
