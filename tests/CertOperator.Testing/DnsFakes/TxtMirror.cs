namespace CertOperator.Testing.DnsFakes;

/// <summary>
/// Where a fake provider copies the TXT values it stores: bind9 (through <see cref="BindTxtZone"/>) in end-to-end
/// tests, so that pebble resolves what the fake API accepted; nowhere in tests of the API calls alone.
/// </summary>
public sealed record TxtMirror(Func<string, string, CancellationToken, Task> AddAsync, Func<string, string, CancellationToken, Task> RemoveAsync)
{
    public static TxtMirror None { get; } = new((_, _, _) => Task.CompletedTask, (_, _, _) => Task.CompletedTask);

    /// <summary>Values go into bind9 with the TTL the fake stored them with (cert-manager's providers use 60).</summary>
    public static TxtMirror Into(BindTxtZone zone, int ttl = 60) =>
        new((fqdn, value, ct) => zone.AddAsync(fqdn, value, ttl, ct), (fqdn, value, ct) => zone.RemoveAsync(fqdn, value, ct));
}
