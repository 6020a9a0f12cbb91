using System.Buffers.Text;
using System.Security.Cryptography;
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

    [Theory]
    [InlineData(long.MaxValue)]
    [InlineData(253402300800L)] // 10000-01-01: past DateTimeOffset.MaxValue
    [InlineData(253402300799L)] // 9999-12-31T23:59:59Z
    [InlineData(long.MinValue)]
    public void A_genuinely_signed_token_with_an_absurd_expiry_grants_nothing_and_never_throws(long expiry)
    {
        string token = SignRaw($$"""{"U":"rsj","C":"jingdezhen-2020Q3","P":"unit","E":{{expiry}}}""");

        LinkTokens.Verify(token, Now, Key).Should().BeNull();
    }

    [Fact]
    public void An_expiry_beyond_the_links_lifetime_is_refused_and_one_within_it_accepted()
    {
        long now = Now.ToUnixTimeSeconds();
        long limit = now + (long)LinkTokens.MaxLifetime.TotalSeconds;

        LinkTokens.Verify(SignRaw($$"""{"U":"rsj","C":"c","P":"unit","E":{{limit}}}"""), Now, Key).Should().NotBeNull();
        LinkTokens.Verify(SignRaw($$"""{"U":"rsj","C":"c","P":"unit","E":{{limit + 1}}}"""), Now, Key).Should().BeNull();
    }

    [Fact]
    public void A_genuine_token_whose_payload_is_not_the_expected_JSON_grants_nothing()
    {
        foreach (string payload in new[] { "not json", "[]", """{"U":1}""", """{"U":"rsj","C":"c","E":"soon"}""", """{"U":"","C":"c","E":9}""", new string('[', 5000) })
        {
            LinkTokens.Verify(SignRaw(payload), Now, Key).Should().BeNull(payload);
        }
    }

    [Fact]
    public void Characters_outside_base64url_or_a_MAC_of_the_wrong_length_grant_nothing()
    {
        string token = LinkTokens.Sign(Claims, Key);
        int dot = token.IndexOf('.', StringComparison.Ordinal);

        LinkTokens.Verify(token[..dot] + "=" + token[dot..], Now, Key).Should().BeNull();
        LinkTokens.Verify(token + "AA", Now, Key).Should().BeNull();
        LinkTokens.Verify(token[..dot] + ".", Now, Key).Should().BeNull();
        LinkTokens.Verify(token[..dot] + "é" + token[dot..], Now, Key).Should().BeNull();
        LinkTokens.Verify(token[..^2] + "xx", Now, Key).Should().BeNull("stray bits in the last character");
        LinkTokens.Verify(token[..^1] + "_", Now, Key).Should().BeNull();
    }

    [Fact]
    public void A_signer_holds_a_far_expiry_to_the_lifetime_so_what_it_signs_is_accepted()
    {
        DateTimeOffset bounded = LinkTokens.BoundedExpiry(DateTimeOffset.MaxValue, Now);
        string token = LinkTokens.Sign(Claims with { Expires = bounded }, Key);

        bounded.Should().Be(Now + LinkTokens.MaxLifetime);
        LinkTokens.Verify(token, Now, Key).Should().NotBeNull();
        LinkTokens.BoundedExpiry(Now.AddDays(45), Now).Should().Be(Now.AddDays(45));
        LinkTokens.BoundedExpiry(DateTimeOffset.MaxValue, DateTimeOffset.MaxValue.AddDays(-1)).Should().Be(DateTimeOffset.MaxValue);
    }

    /// <summary>Any payload, genuinely signed: what a signer with a bug (or an old version) could have issued.</summary>
    private static string SignRaw(string json)
    {
        string payload = Base64Url.EncodeToString(Encoding.UTF8.GetBytes(json));
        return payload + "." + Base64Url.EncodeToString(HMACSHA256.HashData(Key, Encoding.ASCII.GetBytes(payload)));
    }
}
