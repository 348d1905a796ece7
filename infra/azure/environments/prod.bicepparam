// Production: zone-redundant storage, a year of logs, and an SMTP server for notices. The password comes
// from the SMTP_PASSWORD environment variable of the shell that deploys and is stored in Key Vault.
using '../main.bicep'

param environmentName = 'prod'
param location = 'eastasia'
param storageSkuName = 'Standard_ZRS'
param maximumInstanceCount = 100
param instanceMemoryMB = 2048
param logRetentionInDays = 365
param smtpHost = readEnvironmentVariable('SMTP_HOST')
param smtpPort = 587
param smtpTlsMode = 'StartTls'
param smtpUserName = readEnvironmentVariable('SMTP_USERNAME')
param smtpPassword = readEnvironmentVariable('SMTP_PASSWORD')
param smtpFromAddress = readEnvironmentVariable('SMTP_FROM_ADDRESS')
param smtpFromName = readEnvironmentVariable('SMTP_FROM_NAME', '劳动保障监察')
