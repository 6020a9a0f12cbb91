using System.Text.Json;
using System.Text.RegularExpressions;

namespace SixStability.Infra.Tests;

/// <summary>What the deployment promises a city's IT team: no keys, least privilege, HTTPS and TLS 1.2.</summary>
public sealed partial class InfraTests
{
    private static readonly JsonElement Template = Bicep.Template;

    private static JsonElement Single(string type) => Arm.OfType(Template, type).Should().ContainSingle().Subject;

    [Fact]
    public void Bicep_builds_and_lints_without_warnings()
    {
        Bicep.BuildOutput.Should().NotContainAny("Warning", "warning", "Error");

        (int code, string output) = Bicep.Run("lint", "main.bicep");

        code.Should().Be(0, output);
        output.Trim().Should().BeEmpty();
    }

    [Fact]
    public void The_app_identity_holds_exactly_the_data_plane_roles_it_needs()
    {
        JsonElement rbacTemplate = Arm.Resources(Template)
            .Single(r => r.Resource.GetProperty("type").GetString() == "Microsoft.Resources/deployments" && r.Resource.GetProperty("name").GetString() == "rbac")
            .Resource.GetProperty("properties").GetProperty("template");
        Dictionary<string, string> roleIds = rbacTemplate.GetProperty("variables").EnumerateObject()
            .ToDictionary(v => v.Name, v => v.Value.GetString()!);

        var always = new HashSet<string>();
        var conditional = new HashSet<string>();
        foreach (JsonElement assignment in Arm.OfType(rbacTemplate, "Microsoft.Authorization/roleAssignments"))
        {
            JsonElement properties = assignment.GetProperty("properties");
            if (properties.GetProperty("principalId").GetString() != "[parameters('identityPrincipalId')]")
            {
                continue;
            }

            properties.GetProperty("principalType").GetString().Should().Be("ServicePrincipal");
            IEnumerable<string> roles = VariableReference().Matches(properties.GetProperty("roleDefinitionId").GetString()!)
                .Concat(assignment.TryGetProperty("copy", out JsonElement copy) ? VariableReference().Matches(copy.GetRawText()) : [])
                .Select(m => roleIds[m.Groups[1].Value]);
            (assignment.TryGetProperty("condition", out _) ? conditional : always).UnionWith(roles);
        }

        always.Should().BeEquivalentTo(
            "b7e6dc6d-f1e8-4753-8033-0f276bb0955b", // Storage Blob Data Owner
            "974c5e8b-45b9-4653-ba55-5f855dd0fb88", // Storage Queue Data Contributor
            "0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3", // Storage Table Data Contributor
            "4633458b-17de-408a-b874-0445c86b69e6"); // Key Vault Secrets User
        conditional.Should().BeEquivalentTo(["0ad04412-c4d5-4796-b79c-f76d14c8d402"], "Durable Task Data Contributor only with the Durable Task Scheduler backend");
    }

    [Fact]
    public void No_account_keys_or_secrets_appear_in_app_settings()
    {
        string all = Template.GetRawText();
        all.Should().NotContain("listKeys(").And.NotContain("AccountKey=").And.NotContain("SharedAccessKey");

        JsonElement settings = Single("Microsoft.Web/sites/config").GetProperty("properties");
        string raw = settings.GetRawText();
        raw.Should().NotContain("\"AzureWebJobsStorage\":", "storage is reached by identity, not a connection string");
        raw.Should().Contain("AzureWebJobsStorage__credential").And.Contain("managedidentity");
        foreach (string secret in new[] { "links-signing-key", "sendgrid-api-key", "smtp-password" })
        {
            raw.Should().Contain($"'@Microsoft.KeyVault(SecretUri={{0}}secrets/{secret}/)', parameters('keyVaultUri')");
        }
    }

    [Fact]
    public void The_app_settings_cover_the_contract_configuration_keys()
    {
        string raw = Single("Microsoft.Web/sites/config").GetProperty("properties").GetRawText();

        foreach (string key in new[] { "AzureWebJobsStorage__", "Links__SigningKey", "Links__BaseUrl", "Mail__Provider", "Mail__From", "SendGrid__ApiKey", "Smtp__Host", "Smtp__Port", "Smtp__User", "Smtp__Password", "Cycle__Schedule" })
        {
            raw.Should().Contain(key);
        }

        raw.Should().NotContain("WEBSITE_TIME_ZONE", "the code keeps Asia/Shanghai itself");
    }

    [Fact]
    public void The_function_app_is_Flex_Consumption_dotnet_isolated_10_HTTPS_only_TLS_12()
    {
        JsonElement plan = Single("Microsoft.Web/serverfarms");
        plan.GetProperty("sku").GetProperty("name").GetString().Should().Be("FC1");

        JsonElement site = Single("Microsoft.Web/sites").GetProperty("properties");
        site.GetProperty("httpsOnly").GetBoolean().Should().BeTrue();
        site.GetProperty("siteConfig").GetProperty("minTlsVersion").GetString().Should().Be("1.2");
        site.GetProperty("siteConfig").GetProperty("ftpsState").GetString().Should().Be("Disabled");
        JsonElement runtime = site.GetProperty("functionAppConfig").GetProperty("runtime");
        runtime.GetProperty("name").GetString().Should().Be("dotnet-isolated");
        runtime.GetProperty("version").GetString().Should().Be("10.0");
        site.GetProperty("functionAppConfig").GetProperty("deployment").GetProperty("storage").GetProperty("authentication").GetProperty("type").GetString().Should().Be("UserAssignedIdentity");
    }

    [Fact]
    public void Storage_is_TLS_12_HTTPS_only_without_public_blobs_or_shared_keys()
    {
        JsonElement storage = Single("Microsoft.Storage/storageAccounts").GetProperty("properties");

        storage.GetProperty("minimumTlsVersion").GetString().Should().Be("TLS1_2");
        storage.GetProperty("supportsHttpsTrafficOnly").GetBoolean().Should().BeTrue();
        storage.GetProperty("allowBlobPublicAccess").GetBoolean().Should().BeFalse();
        storage.GetProperty("allowSharedKeyAccess").GetBoolean().Should().BeFalse();
    }

    [Fact]
    public void Key_Vault_uses_RBAC_and_the_Durable_backend_is_a_choice()
    {
        Single("Microsoft.KeyVault/vaults").GetProperty("properties").GetProperty("enableRbacAuthorization").GetBoolean().Should().BeTrue();

        JsonElement backend = Template.GetProperty("parameters").GetProperty("durableBackend");
        backend.GetProperty("defaultValue").GetString().Should().Be("AzureStorage");
        backend.GetProperty("allowedValues").EnumerateArray().Select(v => v.GetString()).Should().Equal("AzureStorage", "DurableTaskScheduler");
    }

    [Fact]
    public void Azd_finds_the_template_and_the_service()
    {
        string azure = File.ReadAllText(Path.Combine(Bicep.RepositoryRoot, "azure.yaml"));

        azure.Should().Contain("project: ./src/SixStability.Functions/").And.Contain("host: function");
        Template.GetProperty("outputs").TryGetProperty("AZURE_FUNCTION_APP_NAME", out _).Should().BeTrue();
    }

    [GeneratedRegex(@"variables\('([A-Za-z]+)'\)")]
    private static partial Regex VariableReference();
}
