@description('The managed Durable Task Scheduler, when chosen as the Durable backend.')
param name string
param location string
param tags object

resource scheduler 'Microsoft.DurableTask/schedulers@2025-11-01' = {
  name: name
  location: location
  tags: tags
  properties: {
    sku: {
      name: 'Consumption'
    }
    // An empty list denies every caller; access is still governed by RBAC.
    ipAllowlist: [
      '0.0.0.0/0'
    ]
  }
}

resource hub 'Microsoft.DurableTask/schedulers/taskHubs@2025-11-01' = {
  parent: scheduler
  name: 'sixstability'
}

output name string = scheduler.name
output endpoint string = scheduler.properties.endpoint
output taskHubName string = hub.name
