using SixStability.Infrastructure.Telemetry;

namespace SixStability.Integration.Tests.Configuration;

/// <summary>APPLICATIONINSIGHTS_AUTHENTICATION_STRING becomes the exporter's managed-identity credential.</summary>
public sealed class TelemetryIdentityTests
{
    [Fact]
    public void The_authentication_string_names_the_user_assigned_identity()
    {
        bool ok = AppInsightsAuthentication.TryParse("Authorization=AAD;ClientId=6f0b7e0a-1c2d-4e5f-8a9b-0c1d2e3f4a5b", out AppInsightsAuthentication? identity);

        ok.Should().BeTrue();
        identity.Should().Be(new AppInsightsAuthentication("6f0b7e0a-1c2d-4e5f-8a9b-0c1d2e3f4a5b"));
        identity!.ToCredential().Should().BeOfType<Azure.Identity.ManagedIdentityCredential>();
    }

    [Fact]
    public void Without_a_client_id_the_system_assigned_identity_is_used()
    {
        AppInsightsAuthentication.TryParse(" authorization = aad ", out AppInsightsAuthentication? identity).Should().BeTrue();

        identity.Should().Be(new AppInsightsAuthentication(null));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void Not_set_means_the_connection_string_alone(string? value)
    {
        AppInsightsAuthentication.TryParse(value, out AppInsightsAuthentication? identity).Should().BeTrue();

        identity.Should().BeNull();
    }

    [Theory]
    [InlineData("Authorization=Key")]
    [InlineData("ClientId=6f0b7e0a-1c2d-4e5f-8a9b-0c1d2e3f4a5b")]
    [InlineData("Authorization=AAD;ClientId=not-a-guid")]
    [InlineData("Authorization=AAD;Secret=x")]
    [InlineData("Authorization=AAD;Authorization=AAD")]
    [InlineData("AAD")]
    public void Anything_else_is_refused(string value)
    {
        AppInsightsAuthentication.TryParse(value, out AppInsightsAuthentication? identity).Should().BeFalse();

        identity.Should().BeNull();
    }
}
