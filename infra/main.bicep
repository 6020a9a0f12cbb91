// SixStability on Azure: a Flex Consumption Function app (dotnet-isolated, .NET 10) with Durable
// Functions on Azure Storage (the supported Durable backend), its storage, monitoring and a Key Vault,
// reached through one user-assigned identity that holds only the data-plane roles it needs. No keys in
// app settings, and telemetry by identity too.
targetScope = 'subscription'

@minLength(1)
@maxLength(64)
@description('Name of the azd environment; every resource name derives from it.')
param environmentName string

// Regions where the Flex Consumption plan runs. Not every region offers it:
// https://learn.microsoft.com/azure/azure-functions/flex-consumption-how-to#view-currently-supported-regions
// (`az functionapp list-flexconsumption-locations` prints today's list). This list is the one in the
// official Durable Functions azd sample (Azure-Samples/durable-functions-quickstart-dotnet-azd, infra/main.bicep)
// without its canary region (eastus2euap). Azure China: README, Deploy.
@minLength(1)
@description('Azure region for all resources; one where Flex Consumption runs.')
@allowed([
  'australiaeast'
  'australiasoutheast'
  'brazilsouth'
  'canadacentral'
  'centralindia'
  'centralus'
  'eastasia'
  'eastus'
  'eastus2'
  'francecentral'
  'germanywestcentral'
  'italynorth'
  'japaneast'
  'koreacentral'
  'northcentralus'
  'northeurope'
  'norwayeast'
  'southafricanorth'
  'southcentralus'
  'southeastasia'
  'southindia'
  'spaincentral'
  'swedencentral'
  'uaenorth'
  'uksouth'
  'ukwest'
  'westcentralus'
  'westeurope'
  'westus'
  'westus2'
  'westus3'
])
@metadata({
  azd: {
    type: 'location'
  }
})
param location string

@description('How mail leaves: SendGrid, or SMTP where SendGrid is not reachable (Azure China, a government relay).')
@allowed([
  'SendGrid'
  'Smtp'
])
param mailProvider string = 'SendGrid'

@description('Sender address of every mail.')
param mailFrom string = 'lwlb-noreply@example.gov.cn'

@description('SMTP relay host (Mail:Provider = Smtp).')
param smtpHost string = ''

@description('SMTP relay port: 587 (submission with STARTTLS) by default. Azure allows outbound 25 from Functions only with VNet integration or an ASE.')
@minValue(1)
@maxValue(65535)
param smtpPort int = 587

@description('How the SMTP connection is protected: StartTls (587), SslOnConnect (465) or None (a relay on a trusted network only).')
@allowed([
  'StartTls'
  'SslOnConnect'
  'None'
])
param smtpTls string = 'StartTls'

@description('SMTP user name, if the relay needs one.')
param smtpUser string = ''

@secure()
@description('SendGrid API key; may be left empty and set in Key Vault later (README, Deploy).')
param sendGridApiKey string = ''

@secure()
@description('SMTP password; may be left empty and set in Key Vault later.')
param smtpPassword string = ''

@secure()
@description('HMAC key for the units\' signed links. azd generates it once and keeps it (main.parameters.json).')
param linksSigningKey string

@description('WeCom (企业微信 / 政务微信) group robots the unit directory names, comma-separated (lowercase letters, digits, underscores). Set each key in Key Vault as wecom-<name with - for _> (README, Group robots).')
param wecomRobots string = ''

@description('DingTalk (钉钉 / 浙政钉) group robots the unit directory names, comma-separated; each needs the Key Vault secrets dingtalk-<name>-token and dingtalk-<name>-secret (加签).')
param dingtalkRobots string = ''

@description('WeCom API host, for a 政务微信 private deployment; empty for the public API.')
param wecomHost string = ''

@description('DingTalk API host, for 浙政钉 or a private deployment; empty for the public API.')
param dingtalkHost string = ''

@description('When the cycle timer fires (NCRONTAB, UTC): daily 01:00 UTC is 09:00 Asia/Shanghai; the code decides whether a cycle opens that day.')
param cycleSchedule string = '0 0 1 * * *'

@description('Object id of the person or pipeline running azd, to let them set secrets in Key Vault. Empty to skip.')
param principalId string = ''

@description('What principalId is: User (a person running azd) or ServicePrincipal (a CI pipeline); a mismatch makes ARM refuse the role assignment.')
@allowed([
  'User'
  'ServicePrincipal'
  'Group'
])
param principalType string = 'User'

var resourceToken = toLower(uniqueString(subscription().id, environmentName, location))
var tags = {
  'azd-env-name': environmentName
}

resource rg 'Microsoft.Resources/resourceGroups@2024-03-01' = {
  name: 'rg-${environmentName}'
  location: location
  tags: tags
}

module identity 'app/identity.bicep' = {
  name: 'identity'
  scope: rg
  params: {
    name: 'id-sixstability-${resourceToken}'
    location: location
    tags: tags
  }
}

module monitoring 'app/monitoring.bicep' = {
  name: 'monitoring'
  scope: rg
  params: {
    logAnalyticsName: 'log-${resourceToken}'
    appInsightsName: 'appi-${resourceToken}'
    location: location
    tags: tags
  }
}

module storage 'app/storage.bicep' = {
  name: 'storage'
  scope: rg
  params: {
    name: 'st${resourceToken}'
    location: location
    tags: tags
    deploymentContainerName: 'app-package-${resourceToken}'
  }
}

module vault 'app/keyvault.bicep' = {
  name: 'keyvault'
  scope: rg
  params: {
    name: 'kv-${resourceToken}'
    location: location
    tags: tags
    linksSigningKey: linksSigningKey
    sendGridApiKey: sendGridApiKey
    smtpPassword: smtpPassword
  }
}

module rbac 'app/rbac.bicep' = {
  name: 'rbac'
  scope: rg
  params: {
    storageAccountName: storage.outputs.name
    keyVaultName: vault.outputs.name
    appInsightsName: monitoring.outputs.appInsightsName
    identityPrincipalId: identity.outputs.principalId
    userPrincipalId: principalId
    userPrincipalType: principalType
  }
}

module api 'app/function.bicep' = {
  name: 'api'
  scope: rg
  dependsOn: [
    rbac
  ]
  params: {
    planName: 'plan-${resourceToken}'
    appName: 'func-sixstability-${resourceToken}'
    location: location
    tags: tags
    identityId: identity.outputs.id
    identityClientId: identity.outputs.clientId
    storageAccountName: storage.outputs.name
    blobEndpoint: storage.outputs.blobEndpoint
    deploymentContainerName: storage.outputs.deploymentContainerName
    appInsightsConnectionString: monitoring.outputs.connectionString
    keyVaultUri: vault.outputs.uri
    hasSendGridKey: !empty(sendGridApiKey)
    hasSmtpPassword: !empty(smtpPassword)
    mailProvider: mailProvider
    mailFrom: mailFrom
    smtpHost: smtpHost
    smtpPort: smtpPort
    smtpTls: smtpTls
    smtpUser: smtpUser
    cycleSchedule: cycleSchedule
    wecomRobots: filter(map(split(wecomRobots, ','), name => trim(name)), name => !empty(name))
    dingtalkRobots: filter(map(split(dingtalkRobots, ','), name => trim(name)), name => !empty(name))
    wecomHost: wecomHost
    dingtalkHost: dingtalkHost
  }
}

output AZURE_LOCATION string = location
output AZURE_TENANT_ID string = tenant().tenantId
output AZURE_RESOURCE_GROUP string = rg.name
output AZURE_FUNCTION_APP_NAME string = api.outputs.name
output AZURE_FUNCTION_APP_URL string = api.outputs.url
output AZURE_KEY_VAULT_NAME string = vault.outputs.name
output AZURE_STORAGE_ACCOUNT_NAME string = storage.outputs.name
