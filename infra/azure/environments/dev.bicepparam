// Development: locally redundant storage, the smallest scale-out limit, notices as .eml files unless
// SMTP_HOST is set.
using '../main.bicep'

param environmentName = 'dev'
param location = 'eastasia'
param storageSkuName = 'Standard_LRS'
param maximumInstanceCount = 40
param instanceMemoryMB = 2048
param logRetentionInDays = 30
param keyVaultPurgeProtection = false
param smtpHost = readEnvironmentVariable('SMTP_HOST', '')
param smtpUserName = readEnvironmentVariable('SMTP_USERNAME', '')
param smtpPassword = readEnvironmentVariable('SMTP_PASSWORD', '')
param smtpFromAddress = readEnvironmentVariable('SMTP_FROM_ADDRESS', '')
param smtpFromName = readEnvironmentVariable('SMTP_FROM_NAME', '')
