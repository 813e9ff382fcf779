using System.Net;
using CertOperator.Testing;

namespace CertOperator.Tests.EndToEnd;

/// <summary>GETs from an operator's local listeners while it starts: a refused connection is status 0 with the error as body, so polling goes on.</summary>
internal static class LocalHttp
{
    public static async Task<(HttpStatusCode Status, string Body)> GetAsync(HttpClient http, int port, string path)
    {
        try
        {
            using var response = await http.GetAsync(new Uri($"http://127.0.0.1:{port}{path}"));
            return (response.StatusCode, await response.Content.ReadAsStringAsync());
        }
        catch (HttpRequestException e)
        {
            return (0, e.Message);
        }
    }

    /// <summary>Polls <paramref name="read"/> until <paramref name="done"/> for 30 s; fails with the operator's log when it does not, or when it exits.</summary>
    public static async Task<T> UntilAsync<T>(Func<Task<T>> read, Func<T, bool> done, OperatorProcess process)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (true)
        {
            var value = await read();
            if (done(value))
            {
                return value;
            }

            if (DateTime.UtcNow > deadline || process.HasExited)
            {
                throw new TimeoutException($"The operator did not get there; last: {value}\n--- operator log ---\n{process.Output}");
            }

            await Task.Delay(200);
        }
    }
}
