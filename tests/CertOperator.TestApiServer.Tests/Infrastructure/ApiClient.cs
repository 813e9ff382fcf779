using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace CertOperator.TestApiServer.Tests.Infrastructure;

/// <summary>Raw HTTP helpers: every call returns the status code and the parsed JSON body.</summary>
public sealed class ApiClient(HttpClient http) : IDisposable
{
    public const string WidgetsPath = "/apis/demo.example.com/v1/namespaces/default/widgets";
    public const string SecretsPath = "/api/v1/namespaces/default/secrets";
    public const string TableAccept = "application/json;as=Table;v=v1;g=meta.k8s.io,application/json;as=Table;v=v1beta1;g=meta.k8s.io,application/json";
    public const string MetadataListAccept = "application/json;as=PartialObjectMetadataList;g=meta.k8s.io;v=v1,application/json";

    public HttpClient Http => http;

    public Task<(HttpStatusCode Status, JsonNode? Body)> GetAsync(string path, string? accept = null) =>
        SendAsync(HttpMethod.Get, path, null, null, accept);

    public Task<(HttpStatusCode Status, JsonNode? Body)> PostAsync(string path, JsonNode body) =>
        SendAsync(HttpMethod.Post, path, body.ToJsonString(), "application/json");

    public Task<(HttpStatusCode Status, JsonNode? Body)> PutAsync(string path, JsonNode body) =>
        SendAsync(HttpMethod.Put, path, body.ToJsonString(), "application/json");

    public Task<(HttpStatusCode Status, JsonNode? Body)> PatchAsync(string path, string contentType, string body) =>
        SendAsync(HttpMethod.Patch, path, body, contentType);

    public Task<(HttpStatusCode Status, JsonNode? Body)> MergePatchAsync(string path, JsonNode body) =>
        PatchAsync(path, "application/merge-patch+json", body.ToJsonString());

    public Task<(HttpStatusCode Status, JsonNode? Body)> DeleteAsync(string path, JsonNode? body = null) =>
        SendAsync(HttpMethod.Delete, path, body?.ToJsonString(), body is null ? null : "application/json");

    public async Task<JsonObject> CreateAsync(string collectionPath, JsonObject body)
    {
        var (status, created) = await PostAsync(collectionPath, body);
        status.Should().Be(HttpStatusCode.Created, created?.ToJsonString());
        return created!.AsObject();
    }

    public async Task<(HttpStatusCode Status, JsonNode? Body)> SendAsync(HttpMethod method, string path, string? body, string? contentType, string? accept = null)
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8);
            request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType ?? "application/json");
        }

        if (accept is not null)
        {
            request.Headers.TryAddWithoutValidation("Accept", accept);
        }

        using var response = await http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length == 0 ? null : JsonNode.Parse(text));
    }

    public void Dispose() => http.Dispose();
}
