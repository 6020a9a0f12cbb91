using System.Text;
using SixStability.Core.Links;

namespace SixStability.Core.Tests.Links;

public sealed class LinkTokensTests
{
    private static readonly byte[] Key = Encoding.UTF8.GetBytes("current-key");

    private static readonly byte[] Old = Encoding.UTF8.GetBytes("previous-key");

    private static readonly DateTimeOffset Now = new(2020, 10, 10, 9, 0, 0, TimeSpan.FromHours(8));

    private static readonly LinkClaims Claims = new("rsj", "jingdezhen-2020Q3", LinkTokens.UnitPurpose, Now.AddDays(30));

    [Fact]
    public void A_genuine_token_grants_its_unit_and_cycle()
    {
        LinkTokens.Verify(LinkTokens.Sign(Claims, Key), Now, Key).Should().Be(Claims with { Expires = DateTimeOffset.FromUnixTimeSeconds(Claims.Expires.ToUnixTimeSeconds()) });
    }

    [Fact]
    public void A_token_signed_with_the_previous_key_still_works_after_rotation()
    {
        LinkTokens.Verify(LinkTokens.Sign(Claims, Old), Now, Key, Old)!.Unit.Should().Be("rsj");
    }

    [Fact]
    public void Tampered_expired_foreign_or_malformed_tokens_grant_nothing()
    {
        string token = LinkTokens.Sign(Claims, Key);
        string otherUnit = LinkTokens.Sign(Claims with { Unit = "czj" }, Key);
        string tampered = otherUnit[..otherUnit.IndexOf('.', StringComparison.Ordinal)] + token[token.IndexOf('.', StringComparison.Ordinal)..];

        LinkTokens.Verify(tampered, Now, Key).Should().BeNull();
        LinkTokens.Verify(token, Claims.Expires.AddSeconds(1), Key).Should().BeNull();
        LinkTokens.Verify(LinkTokens.Sign(Claims, Encoding.UTF8.GetBytes("someone-else")), Now, Key).Should().BeNull();
        foreach (string junk in new[] { "", ".", "abc", "a.b", "%%%.###", new string('x', 5000) })
        {
            LinkTokens.Verify(junk, Now, Key).Should().BeNull();
        }
    }
}
