namespace CertOperator.Acme;

/// <summary>
/// The logical ACME operation a request belongs to, under cert-manager's names for the same operations
/// (its "action" metric label); a nonce or directory fetch made on an operation's behalf carries its name.
/// </summary>
public static class AcmeActions
{
    public const string Discover = "discover";
    public const string RegisterAccount = "register_account";
    public const string GetRegistration = "get_registration";
    public const string UpdateRegistration = "update_registration";
    public const string AuthorizeOrder = "authorize_order";
    public const string GetOrder = "get_order";
    public const string GetAuthorization = "get_authorization";
    public const string AcceptChallenge = "accept_challenge";
    public const string CreateOrderCert = "create_order_cert";
    public const string FetchCert = "fetch_cert";
    public const string GetRenewalInfo = "get_renewal_info";

    /// <summary>Operations cert-manager never performs, so it has no name for them.</summary>
    public const string ChangeKey = "change_key";
    public const string RevokeCert = "revoke_cert";

    /// <summary>cert-manager's label for a request made outside any named operation.</summary>
    public const string Unnamed = "unnamed_action";

    private static readonly AsyncLocal<string?> Action = new();

    /// <summary>The operation under way on this async flow; an async method's change does not leak to its caller.</summary>
    internal static string? Current
    {
        get => Action.Value;
        set => Action.Value = value;
    }
}
