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
            "4633458b-17de-408a-b874-0445c86b69e6", // Key Vault Secrets User
            MonitoringMetricsPublisher);
        conditional.Should().BeEmpty("no backend switch adds roles any more");
    }

    private const string MonitoringMetricsPublisher = "3913510d-42f4-4e42-8a64-420c390055eb";

    [Fact]
    public void Telemetry_goes_by_identity_with_local_auth_off_on_Application_Insights()
    {
        JsonElement insights = Single("Microsoft.Insights/components").GetProperty("properties");
        JsonElement settings = AppSettings;
        JsonElement rbac = NestedTemplate("rbac");
        JsonElement publisher = Arm.OfType(rbac, "Microsoft.Authorization/roleAssignments")
            .Single(a => a.GetProperty("properties").GetProperty("roleDefinitionId").GetString()!.Contains("variables('monitoringMetricsPublisher')", StringComparison.Ordinal));

        insights.GetProperty("DisableLocalAuth").GetBoolean().Should().BeTrue();
        settings.GetProperty("APPLICATIONINSIGHTS_AUTHENTICATION_STRING").GetString().Should().Be("[format('Authorization=AAD;ClientId={0}', parameters('identityClientId'))]");
        settings.GetProperty("AzureWebJobsStorage__clientId").GetString().Should().Be("[parameters('identityClientId')]", "the same identity as storage");
        rbac.GetProperty("variables").GetProperty("monitoringMetricsPublisher").GetString().Should().Be(MonitoringMetricsPublisher);
        publisher.GetProperty("scope").GetString().Should().Be("[resourceId('Microsoft.Insights/components', parameters('appInsightsName'))]");
        publisher.GetProperty("properties").GetProperty("principalId").GetString().Should().Be("[parameters('identityPrincipalId')]");
        publisher.TryGetProperty("condition", out _).Should().BeFalse();
    }

    [Fact]
    public void SMTP_port_and_TLS_mode_are_azd_parameters_that_reach_the_app_settings()
    {
        JsonElement parameters = Template.GetProperty("parameters");
        JsonElement settings = AppSettings;
        JsonElement api = Module("api").GetProperty("properties").GetProperty("parameters");
        JsonElement azd = AzdParameters();

        parameters.GetProperty("smtpPort").GetProperty("defaultValue").GetInt32().Should().Be(587);
        parameters.GetProperty("smtpTls").GetProperty("defaultValue").GetString().Should().Be("StartTls");
        parameters.GetProperty("smtpTls").GetProperty("allowedValues").EnumerateArray().Select(v => v.GetString()).Should().Equal("StartTls", "SslOnConnect", "None");
        azd.GetProperty("smtpPort").GetProperty("value").GetString().Should().Be("${SMTP_PORT=587}");
        azd.GetProperty("smtpTls").GetProperty("value").GetString().Should().Be("${SMTP_TLS=StartTls}");
        api.GetProperty("smtpPort").GetProperty("value").GetString().Should().Be("[parameters('smtpPort')]");
        api.GetProperty("smtpTls").GetProperty("value").GetString().Should().Be("[parameters('smtpTls')]");
        settings.GetProperty("Smtp__Port").GetString().Should().Be("[string(parameters('smtpPort'))]");
        settings.GetProperty("Smtp__Tls").GetString().Should().Be("[parameters('smtpTls')]");
    }

    [Fact]
    public void The_region_is_one_where_Flex_Consumption_runs_and_README_lists_the_same()
    {
        JsonElement location = Template.GetProperty("parameters").GetProperty("location");
        string[] allowed = location.GetProperty("allowedValues").EnumerateArray().Select(v => v.GetString()!).ToArray();
        string readme = File.ReadAllText(Path.Combine(Bicep.RepositoryRoot, "README.md"));

        allowed.Should().Contain(["eastasia", "southeastasia", "japaneast", "koreacentral"]).And.OnlyHaveUniqueItems();
        allowed.Should().NotContain(r => r.StartsWith("china", StringComparison.Ordinal) || r.EndsWith("euap", StringComparison.Ordinal));
        location.GetProperty("metadata").GetProperty("azd").GetProperty("type").GetString().Should().Be("location", "azd offers only these regions");
        foreach (string region in allowed)
        {
            readme.Should().Contain($"`{region}`");
        }
    }

    [Fact]
    public void The_operators_role_assignment_takes_its_principal_type_from_azd()
    {
        JsonElement principalType = Template.GetProperty("parameters").GetProperty("principalType");
        JsonElement operatorRole = Arm.OfType(NestedTemplate("rbac"), "Microsoft.Authorization/roleAssignments")
            .Single(a => a.GetProperty("properties").GetProperty("principalId").GetString() == "[parameters('userPrincipalId')]");

        principalType.GetProperty("defaultValue").GetString().Should().Be("User");
        principalType.GetProperty("allowedValues").EnumerateArray().Select(v => v.GetString()).Should().Contain(["User", "ServicePrincipal"]);
        AzdParameters().GetProperty("principalType").GetProperty("value").GetString().Should().Be("${AZURE_PRINCIPAL_TYPE=User}");
        Module("rbac").GetProperty("properties").GetProperty("parameters").GetProperty("userPrincipalType").GetProperty("value").GetString().Should().Be("[parameters('principalType')]");
        operatorRole.GetProperty("properties").GetProperty("principalType").GetString().Should().Be("[parameters('userPrincipalType')]");
    }

    [Fact]
    public void Durable_Functions_runs_on_Azure_Storage_with_no_Durable_Task_Scheduler_anywhere()
    {
        string all = Template.GetRawText();
        string azd = File.ReadAllText(Path.Combine(Bicep.RepositoryRoot, "infra", "main.parameters.json"));

        Arm.Resources(Template).Select(r => r.Resource.GetProperty("type").GetString()).Should().NotContain(t => t!.StartsWith("Microsoft.DurableTask/", StringComparison.OrdinalIgnoreCase));
        Template.GetProperty("parameters").TryGetProperty("durableBackend", out _).Should().BeFalse();
        all.Should().NotContain("azureManaged").And.NotContain("DURABLE_TASK_SCHEDULER").And.NotContain("storageProvider");
        azd.Should().NotContain("DURABLE_BACKEND");
        Directory.GetFiles(Path.Combine(Bicep.RepositoryRoot, "infra"), "*.bicep", SearchOption.AllDirectories)
            .Select(File.ReadAllText).Should().NotContain(text => text.Contains("Microsoft.DurableTask", StringComparison.Ordinal));
    }

    [Fact]
    public void The_app_settings_are_the_base_settings_the_sites_own_address_and_the_robots_nothing_else()
    {
        AppSettingsResource.GetProperty("properties").GetString().Should().Be(
            "[union(variables('baseSettings'), createObject('Links__BaseUrl', format('https://{0}', reference(resourceId('Microsoft.Web/sites', parameters('appName')), '2024-04-01').defaultHostName)), variables('wecomSettings'), variables('dingtalkTokenSettings'), variables('dingtalkSecretSettings'))]");
    }

    [Fact]
    public void Group_robot_keys_tokens_and_secrets_reach_the_app_only_as_Key_Vault_references_named_by_azd()
    {
        JsonElement parameters = Template.GetProperty("parameters");
        JsonElement api = Module("api").GetProperty("properties").GetProperty("parameters");
        JsonElement variables = NestedTemplate("api").GetProperty("variables");
        JsonElement azd = AzdParameters();

        foreach ((string name, string env) in new[] { ("wecomRobots", "WECOM_ROBOTS"), ("dingtalkRobots", "DINGTALK_ROBOTS"), ("wecomHost", "WECOM_HOST"), ("dingtalkHost", "DINGTALK_HOST") })
        {
            parameters.GetProperty(name).GetProperty("type").GetString().Should().Be("string", "names and hosts, never a key: nothing secret is an azd value here");
            azd.GetProperty(name).GetProperty("value").GetString().Should().Be($"${{{env}}}");
        }

        api.GetProperty("wecomRobots").GetProperty("value").GetString().Should().Be("[filter(map(split(parameters('wecomRobots'), ','), lambda('name', trim(lambdaVariables('name')))), lambda('name', not(empty(lambdaVariables('name')))))]");
        variables.GetProperty("wecomSettings").GetString().Should().Be(
            "[toObject(parameters('wecomRobots'), lambda('name', format('Channels__WeCom__Robots__{0}', lambdaVariables('name'))), lambda('name', format('@Microsoft.KeyVault(SecretUri={0}secrets/wecom-{1}/)', parameters('keyVaultUri'), replace(lambdaVariables('name'), '_', '-'))))]");
        variables.GetProperty("dingtalkTokenSettings").GetString().Should().Be(
            "[toObject(parameters('dingtalkRobots'), lambda('name', format('Channels__DingTalk__Robots__{0}__AccessToken', lambdaVariables('name'))), lambda('name', format('@Microsoft.KeyVault(SecretUri={0}secrets/dingtalk-{1}-token/)', parameters('keyVaultUri'), replace(lambdaVariables('name'), '_', '-'))))]");
        variables.GetProperty("dingtalkSecretSettings").GetString().Should().Be(
            "[toObject(parameters('dingtalkRobots'), lambda('name', format('Channels__DingTalk__Robots__{0}__Secret', lambdaVariables('name'))), lambda('name', format('@Microsoft.KeyVault(SecretUri={0}secrets/dingtalk-{1}-secret/)', parameters('keyVaultUri'), replace(lambdaVariables('name'), '_', '-'))))]");
        AppSettings.EnumerateObject().Where(s => s.Name.StartsWith("Channels__", StringComparison.Ordinal)).Select(s => s.Name)
            .Should().BeEquivalentTo(["Channels__WeCom__Host", "Channels__DingTalk__Host"], "every robot setting comes from the Key Vault reference maps above");
        Arm.OfType(Template, "Microsoft.KeyVault/vaults/secrets").Select(s => s.GetProperty("name").GetRawText())
            .Should().NotContain(n => n.Contains("wecom", StringComparison.Ordinal) || n.Contains("dingtalk", StringComparison.Ordinal), "the operator sets robot secrets in Key Vault; azd never holds them");
    }

    /// <summary>The app settings every deployment has (robots and the site's address are merged in by the resource).</summary>
    private static JsonElement AppSettings => NestedTemplate("api").GetProperty("variables").GetProperty("baseSettings");

    private static JsonElement AppSettingsResource => Single("Microsoft.Web/sites/config");

    private static JsonElement Module(string name) =>
        Arm.Resources(Template).Single(r => r.Resource.GetProperty("type").GetString() == "Microsoft.Resources/deployments" && r.Resource.GetProperty("name").GetString() == name).Resource;

    private static JsonElement NestedTemplate(string module) => Module(module).GetProperty("properties").GetProperty("template");

    private static JsonElement AzdParameters()
    {
        using JsonDocument doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(Bicep.RepositoryRoot, "infra", "main.parameters.json")));
        return doc.RootElement.GetProperty("parameters").Clone();
    }

    [Fact]
    public void No_account_keys_or_secrets_appear_in_app_settings()
    {
        string all = Template.GetRawText();
        all.Should().NotContain("listKeys(").And.NotContain("AccountKey=").And.NotContain("SharedAccessKey");

        JsonElement settings = AppSettings;
        string raw = settings.GetRawText();
        raw.Should().NotContain("\"AzureWebJobsStorage\":", "storage is reached by identity, not a connection string");
        raw.Should().Contain("AzureWebJobsStorage__credential").And.Contain("managedidentity");
        foreach (string secret in new[] { "links-signing-key", "sendgrid-api-key", "smtp-password" })
        {
            raw.Should().Contain($"'@Microsoft.KeyVault(SecretUri={{0}}secrets/{secret}/)', parameters('keyVaultUri')");
        }

        // Telemetry: the connection string only identifies the component (local auth is off) and no key setting exists.
        raw.Should().NotContain("InstrumentationKey").And.NotContain("APPINSIGHTS_INSTRUMENTATIONKEY").And.NotContain("ApiKey=").And.NotContain("Password=");
        foreach (JsonProperty setting in settings.EnumerateObject())
        {
            string value = setting.Value.GetString()!;
            bool reference = value.Contains("@Microsoft.KeyVault(", StringComparison.Ordinal);
            bool secretish = setting.Name.Contains("Key", StringComparison.OrdinalIgnoreCase) || setting.Name.Contains("Password", StringComparison.OrdinalIgnoreCase);
            (!secretish || reference).Should().BeTrue($"{setting.Name} holds a secret and must be a Key Vault reference, not a value");
        }
    }

    [Fact]
    public void The_app_settings_cover_the_contract_configuration_keys()
    {
        string raw = AppSettings.GetRawText() + AppSettingsResource.GetRawText() + NestedTemplate("api").GetProperty("variables").GetRawText();

        foreach (string key in new[] { "AzureWebJobsStorage__", "Links__SigningKey", "Links__BaseUrl", "Mail__Provider", "Mail__From", "SendGrid__ApiKey", "Smtp__Host", "Smtp__Port", "Smtp__Tls", "Smtp__User", "Smtp__Password", "Cycle__Schedule", "Channels__WeCom__Host", "Channels__WeCom__Robots__", "Channels__DingTalk__Host", "Channels__DingTalk__Robots__" })
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
    public void Key_Vault_uses_RBAC()
    {
        Single("Microsoft.KeyVault/vaults").GetProperty("properties").GetProperty("enableRbacAuthorization").GetBoolean().Should().BeTrue();
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
