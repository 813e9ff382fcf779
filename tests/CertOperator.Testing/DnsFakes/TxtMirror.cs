namespace CertOperator.Testing.DnsFakes;

/// <summary>
/// Where a fake provider copies the TXT values it stores (bind9 through RFC 2136 in end-to-end tests), so that a
/// real ACME server resolves what the fake API accepted.
/// </summary>
public sealed record TxtMirror(Func<string, string, CancellationToken, Task> AddAsync, Func<string, string, CancellationToken, Task> RemoveAsync)
{
    public static TxtMirror None { get; } = new((_, _, _) => Task.CompletedTask, (_, _, _) => Task.CompletedTask);
}
