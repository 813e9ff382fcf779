using System.Text.Json;
using CertOperator.Acme.Http;
using CertOperator.Acme.Jws;
using CertOperator.Acme.Model;
using CertOperator.Acme.Wire;

namespace CertOperator.Acme;

internal sealed partial class AcmeClient
{
    public async Task<AcmeAccount> EnsureAccountAsync(AcmeAccountRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        AcmeActions.Current = AcmeActions.RegisterAccount;
        var directory = await GetDirectoryAsync(cancellationToken).ConfigureAwait(false);
        var payload = new NewAccountPayload
        {
            Contact = request.Contact.Count > 0 ? request.Contact : null,
            TermsOfServiceAgreed = request.TermsOfServiceAgreed,
            ExternalAccountBinding = request.ExternalAccountBinding is { } eab
                ? JwsSigner.ExternalAccountBinding(eab, _key.Jwk, directory.NewAccount)
                : null,
        };
        return await NewAccountAsync(directory, payload, cancellationToken).ConfigureAwait(false);
    }

    public async Task<AcmeAccount?> LookupAccountAsync(CancellationToken cancellationToken)
    {
        AcmeActions.Current = AcmeActions.GetRegistration;
        var directory = await GetDirectoryAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return await NewAccountAsync(directory, new NewAccountPayload { OnlyReturnExisting = true }, cancellationToken).ConfigureAwait(false);
        }
        catch (AcmeProblemException e) when (e.Type == AcmeErrors.AccountDoesNotExist)
        {
            return null;
        }
    }

    public async Task<AcmeAccount> UpdateContactAsync(IReadOnlyList<string> contact, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(contact);
        AcmeActions.Current = AcmeActions.UpdateRegistration;
        var url = RequireAccountUrl();
        var response = await PostAsync(url, new AccountUpdatePayload { Contact = contact }, AcmeJsonContext.Default.AccountUpdatePayload, cancellationToken)
            .ConfigureAwait(false);
        return Read(response, AcmeJsonContext.Default.AcmeAccount) with { Url = url };
    }

    public async Task ChangeKeyAsync(AcmeAccountKey newKey, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(newKey);
        AcmeActions.Current = AcmeActions.ChangeKey;
        var directory = await GetDirectoryAsync(cancellationToken).ConfigureAwait(false);
        var keyChange = directory.KeyChange ?? throw new NotSupportedException("The ACME server offers no keyChange endpoint.");
        var account = RequireAccountUrl();
        var inner = JwsSigner.Sign(
            newKey,
            keyChange,
            nonce: null,
            accountUrl: null,
            JsonSerializer.SerializeToUtf8Bytes(new KeyChangePayload { Account = account.AbsoluteUri, OldKey = _key.Jwk }, AcmeJsonContext.Default.KeyChangePayload));
        await PostAsync(keyChange, inner, AcmeJsonContext.Default.JwsMessage, cancellationToken).ConfigureAwait(false);
        _key = newKey;
        Log.KeyRolledOver(_logger, account, newKey.Thumbprint);
    }

    private async Task<AcmeAccount> NewAccountAsync(AcmeDirectory directory, NewAccountPayload payload, CancellationToken cancellationToken)
    {
        var response = await SignedPostAsync(
            directory.NewAccount,
            JsonSerializer.SerializeToUtf8Bytes(payload, AcmeJsonContext.Default.NewAccountPayload),
            useJwk: true,
            "application/json",
            JsonLimit,
            cancellationToken).ConfigureAwait(false);
        var url = response.Location ?? throw new AcmeProblemException(
            new AcmeProblem { Type = AcmeErrors.Unknown, Detail = "newAccount response carries no Location header." }, response.Status, null);
        var account = Read(response, AcmeJsonContext.Default.AcmeAccount) with { Url = url };
        _accountUrl = url;
        Log.Account(_logger, url, account.Status);
        return account;
    }
}
