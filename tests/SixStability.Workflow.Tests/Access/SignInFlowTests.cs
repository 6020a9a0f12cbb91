using SixStability.Workflow.Access;

namespace SixStability.Workflow.Tests.Access;

public sealed class SignInFlowTests
{
    [Theory]
    [InlineData("/coord?cycle=jingdezhen-2020Q3", "/coord?cycle=jingdezhen-2020Q3")]
    [InlineData("//evil.example/coord", "/coord")]
    [InlineData("/\\evil.example", "/coord")]
    [InlineData("https://evil.example/", "/coord")]
    [InlineData("javascript:alert(1)", "/coord")]
    [InlineData("/coord\r\nSet-Cookie: x=1", "/coord")]
    [InlineData("", "/coord")]
    [InlineData(null, "/coord")]
    public void After_sign_in_a_person_returns_only_to_a_page_of_this_site(string? asked, string expected)
    {
        SignInFlow.LocalPath(asked).Should().Be(expected);
    }

    [Fact]
    public void Each_host_sends_people_to_its_own_sign_in_with_the_page_to_come_back_to()
    {
        SignInFlow.Local.LoginUrl("/coord?cycle=a-2020Q3").Should().Be("/signin?returnUrl=%2Fcoord%3Fcycle%3Da-2020Q3");
        SignInFlow.AppService.LoginUrl("/coord").Should().Be("/.auth/login/aad?post_login_redirect_uri=%2Fcoord");
        SignInFlow.AppService.LogoutByPost.Should().BeFalse();
    }
}
