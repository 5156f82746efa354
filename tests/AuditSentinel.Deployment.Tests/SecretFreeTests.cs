namespace AuditSentinel.Deployment.Tests;

/// <summary>Nothing deployable holds or fetches a secret: identities and roles only.</summary>
public sealed class SecretFreeTests
{
    /// <summary>Text that only appears where a key, SAS, connection string or client secret is used.</summary>
    private static readonly string[] SecretMarkers =
    [
        "@secure(",
        "listKeys",
        "listConnectionStrings",
        "listAccountSas",
        "listServiceSas",
        "AccountKey=",
        "SharedAccessKey",
        "SharedAccessSignature",
        "InstrumentationKey=",
        "StorageAccountConnectionString",
        "--account-key",
        "--sas-token",
        "--connection-string",
        "client-secret",
        "clientSecret",
        "AZURE_CLIENT_SECRET",
        "secrets.",
        "creds:",
    ];

    public static TheoryData<string> Files => InfraFiles.AsTheoryData(InfraFiles.Deployable);

    [Theory]
    [MemberData(nameof(Files))]
    public void No_secret_marker_appears(string path)
    {
        var text = InfraFiles.Read(path);
        foreach (var marker in SecretMarkers)
        {
            Assert.False(text.Contains(marker, StringComparison.OrdinalIgnoreCase), $"{path} contains '{marker}'");
        }

        // ARM list* functions (listKeys, listSecrets, listCallbackUrl, ...) return credentials into the deployment.
        if (path.EndsWith(".bicep", StringComparison.Ordinal))
        {
            Assert.False(Patterns.ListFunction().IsMatch(text), $"{path} calls an ARM list* function");
        }
    }

    [Fact]
    public void App_settings_hold_no_credential()
    {
        var settings = AppSettingsTests.DeclaredSettings();
        Assert.DoesNotContain("AzureWebJobsStorage", settings);
        foreach (var name in settings.Where(n => !string.Equals(n, "APPLICATIONINSIGHTS_CONNECTION_STRING", StringComparison.Ordinal)))
        {
            // The Application Insights connection string is an endpoint plus an identifier; with local auth disabled
            // on the component it authorizes nothing (APPLICATIONINSIGHTS_AUTHENTICATION_STRING selects Entra ID).
            foreach (var marker in new[] { "CONNECTIONSTRING", "CONNECTION_STRING", "KEY", "SECRET", "PASSWORD", "SAS", "TOKEN" })
            {
                Assert.DoesNotContain(marker, name.ToUpperInvariant(), StringComparison.Ordinal);
            }
        }
    }

    [Theory]
    [InlineData("infra/modules/storage-account.bicep", "allowSharedKeyAccess: false")]
    [InlineData("infra/modules/storage-account.bicep", "allowBlobPublicAccess: false")]
    [InlineData("infra/modules/storage-account.bicep", "minimumTlsVersion: 'TLS1_2'")]
    [InlineData("infra/modules/event-hubs.bicep", "disableLocalAuth: true")]
    [InlineData("infra/modules/log-analytics-workspace.bicep", "disableLocalAuth: true")]
    [InlineData("infra/modules/application-insights.bicep", "DisableLocalAuth: true")]
    [InlineData("infra/modules/function-app.bicep", "type: 'SystemAssignedIdentity'")]
    [InlineData("infra/modules/function-app.bicep", "value: 'Authorization=AAD'")]
    [InlineData("infra/modules/playbook.bicep", "type: 'ManagedServiceIdentity'")]
    [InlineData("infra/modules/blob-created-subscription.bicep", "endpointType: 'AzureFunction'")]
    public void Every_service_is_set_to_entra_id_only(string path, string setting)
    {
        Assert.Contains(setting, InfraFiles.Read(path), StringComparison.Ordinal);
    }

    [Fact]
    public void Basic_auth_publishing_is_disabled_for_scm_and_ftp()
    {
        var app = BicepText.Normalize(InfraFiles.Read("infra/modules/function-app.bicep"));
        Assert.Contains("resource scmBasicAuth 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2024-04-01' = { parent: app name: 'scm' properties: { allow: false } }", app, StringComparison.Ordinal);
        Assert.Contains("resource ftpBasicAuth 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2024-04-01' = { parent: app name: 'ftp' properties: { allow: false } }", app, StringComparison.Ordinal);
    }
}
