using System.Net;

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
}
