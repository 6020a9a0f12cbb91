using System.Text;
using SixStability.Workflow.Access;

namespace SixStability.Workflow.Tests.Access;

public sealed class ClientPrincipalHeaderTests
{
    private static string Encode(string json) => Convert.ToBase64String(Encoding.UTF8.GetBytes(json));

    [Fact]
    public void An_Entra_principal_gives_its_object_id_name_email_and_app_roles()
    {
        string header = Encode("""
            {"auth_typ":"aad","name_typ":"http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress","role_typ":"http://schemas.microsoft.com/ws/2008/06/identity/claims/role",
             "claims":[{"typ":"http://schemas.microsoft.com/identity/claims/objectidentifier","val":"5f0c-oid"},{"typ":"name","val":"李华"},
                       {"typ":"preferred_username","val":"vm-industry@example.gov.cn"},{"typ":"roles","val":"Leader"},
                       {"typ":"http://schemas.microsoft.com/ws/2008/06/identity/claims/role","val":"Viewer"},{"typ":"roles","val":"Leader"}]}
            """);

        SignedInPerson? person = ClientPrincipalHeader.Read(header);

        person.Should().NotBeNull();
        person!.Id.Should().Be("5f0c-oid");
        person.Name.Should().Be("李华");
        person.Email.Should().Be("vm-industry@example.gov.cn");
        person.AppRoles.Should().Equal("Leader", "Viewer");
    }

    [Theory]
    [InlineData("""{"auth_typ":"github","claims":[{"typ":"oid","val":"x"},{"typ":"roles","val":"Coordinator"}]}""")]
    [InlineData("""{"auth_typ":"aad","claims":[{"typ":"roles","val":"Coordinator"}]}""")]
    [InlineData("""{"auth_typ":"aad","claims":"Coordinator"}""")]
    [InlineData("""["aad"]""")]
    [InlineData("not json")]
    public void A_principal_from_another_provider_without_an_id_or_malformed_is_nobody(string json)
    {
        ClientPrincipalHeader.Read(Encode(json)).Should().BeNull();
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("%%% not base64 %%%")]
    public void A_missing_or_undecodable_header_is_nobody(string? header)
    {
        ClientPrincipalHeader.Read(header).Should().BeNull();
    }
}
