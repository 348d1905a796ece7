// Parameters for `azd provision` and `azd up`: azd sets these environment variables from the environment
// it deploys (`azd env new`, `azd env set`).
using 'main.bicep'

param environmentName = readEnvironmentVariable('AZURE_ENV_NAME', 'dev')
param location = readEnvironmentVariable('AZURE_LOCATION', 'eastasia')
param keyVaultPurgeProtection = bool(readEnvironmentVariable('KEY_VAULT_PURGE_PROTECTION', 'false'))
param smtpHost = readEnvironmentVariable('SMTP_HOST', '')
param smtpUserName = readEnvironmentVariable('SMTP_USERNAME', '')
param smtpPassword = readEnvironmentVariable('SMTP_PASSWORD', '')
param smtpFromAddress = readEnvironmentVariable('SMTP_FROM_ADDRESS', '')
param smtpFromName = readEnvironmentVariable('SMTP_FROM_NAME', '')
