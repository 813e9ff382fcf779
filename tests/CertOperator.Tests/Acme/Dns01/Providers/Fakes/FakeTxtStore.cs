namespace CertOperator.Tests.Acme.Dns01.Providers.Fakes;

/// <summary>
/// The TXT values a fake provider holds per absolute name; <see cref="Changed"/> lets an end-to-end test mirror
/// them into a real nameserver.
/// </summary>
public sealed class FakeTxtStore
{
    private readonly Dictionary<string, List<string>> _values = new(StringComparer.OrdinalIgnoreCase);
    private readonly Lock _lock = new();

    /// <summary>Called with the name and its values after every change.</summary>
    public Func<string, IReadOnlyList<string>, Task>? Changed { get; set; }

    public IReadOnlyList<string> Get(string fqdn)
    {
        lock (_lock)
        {
            return _values.TryGetValue(Absolute(fqdn), out var values) ? [.. values] : [];
        }
    }

    public async Task SetAsync(string fqdn, IEnumerable<string> values)
    {
        List<string> copy;
        lock (_lock)
        {
            copy = [.. values];
            if (copy.Count == 0)
            {
                _values.Remove(Absolute(fqdn));
            }
            else
            {
                _values[Absolute(fqdn)] = copy;
            }
        }

        if (Changed is { } changed)
        {
            await changed(Absolute(fqdn), copy);
        }
    }

    private static string Absolute(string name) => name.EndsWith('.') ? name : name + ".";
}
