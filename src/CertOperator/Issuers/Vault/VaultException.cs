namespace CertOperator.Issuers.Vault;

/// <summary>What went wrong talking to Vault, by what the caller should do about it.</summary>
internal enum VaultFailure
{
    /// <summary>A Secret the issuer names does not exist (yet).</summary>
    SecretMissing,

    /// <summary>No client could be made or no token obtained (TLS material, login refused, Vault unreachable).</summary>
    Init,

    /// <summary>Vault refused or botched the signing itself.</summary>
    Sign,
}

/// <summary>A Vault step that failed; the message names the field or Secret at fault and never holds a credential.</summary>
internal sealed class VaultException : Exception
{
    public VaultException(VaultFailure failure, string message, Exception? inner = null)
        : base(message, inner) => Failure = failure;

    public VaultException()
        : this(VaultFailure.Init, "Vault request failed")
    {
    }

    public VaultException(string message)
        : this(VaultFailure.Init, message)
    {
    }

    public VaultException(string message, Exception inner)
        : this(VaultFailure.Init, message, inner)
    {
    }

    public VaultFailure Failure { get; }
}
