namespace SixStability.Workflow.Access;

/// <summary>What a request brought to prove who sent it.</summary>
public enum CallerCredential
{
    /// <summary>Nothing: an API route answers 401, a page redirects to sign-in.</summary>
    None,

    /// <summary>The admin key in <c>x-functions-key</c> (scripts).</summary>
    Key,

    /// <summary>A key that is not the admin key: 401, whatever else came with it.</summary>
    WrongKey,

    /// <summary>A signed-in person's browser session (a cookie): writes also need the anti-forgery token.</summary>
    Session,
}
