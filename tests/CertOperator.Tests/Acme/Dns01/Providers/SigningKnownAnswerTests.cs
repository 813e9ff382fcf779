using System.Text;
using CertOperator.Acme.Dns01.Providers.Akamai;
using CertOperator.Acme.Dns01.Providers.Route53;

namespace CertOperator.Tests.Acme.Dns01.Providers;

/// <summary>The request signers against their vendors' published test vectors.</summary>
public sealed class SigningKnownAnswerTests
{
    private static readonly DateTimeOffset AwsSuiteTime = new(2015, 8, 30, 12, 36, 0, TimeSpan.Zero);

    [Theory]
    // AWS SigV4 test suite: get-vanilla and get-vanilla-query-order-key-case.
    [InlineData("https://example.amazonaws.com/", "5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31")]
    [InlineData("https://example.amazonaws.com/?Param2=value2&Param1=value1", "b97d918cfa904a5beff61c982a1b6f458b799221646efd99d3219ec94cdf2500")]
    public void SigV4_matches_the_AWS_test_suite(string url, string signature)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);

        SigV4Signer.Sign(request, [], new AwsCredentials("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"), "us-east-1", "service", AwsSuiteTime);

        request.Headers.GetValues("X-Amz-Date").Should().Equal("20150830T123600Z");
        request.Headers.GetValues("Authorization").Single().Should().Be(
            $"AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, SignedHeaders=host;x-amz-date, Signature={signature}");
    }

    [Fact]
    public void SigV4_signs_the_session_token_of_temporary_credentials()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "https://route53.amazonaws.com/2013-04-01/change/C1");

        SigV4Signer.Sign(request, [], new AwsCredentials("ASIA1", "s", "session"), "us-east-1", "route53", AwsSuiteTime);

        request.Headers.GetValues("X-Amz-Security-Token").Should().Equal("session");
        request.Headers.GetValues("Authorization").Single().Should().Contain("SignedHeaders=host;x-amz-date;x-amz-security-token,");
    }

    [Theory]
    // Akamai's EdgeGrid signer test data (testdata.json / testcases.json): "simple GET" and "POST inside limit".
    [InlineData("GET", "", "tL+y4hxyHxgWVD30X3pWnGKHcPzmrIF+LThiAOhMxYU=")]
    [InlineData("POST", "datadatadatadatadatadatadatadata", "hXm4iCxtpN22m4cbZb4lVLW5rhX8Ca82vCFqXzSTPe4=")]
    public void EdgeGrid_matches_Akamais_test_data(string method, string body, string signature)
    {
        var credentials = new EdgeGridCredentials("akab-client-token-xxx-xxxxxxxxxxxxxxxx", "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx=", "akab-access-token-xxx-xxxxxxxxxxxxxxxx");
        var path = method == "GET" ? "/" : "/testapi/v1/t3";

        var header = EdgeGridSigner.Authorization(credentials, method, new Uri("https://akaa-baseurl-xxxxxxxxxxx-xxxxxxxxxxxxx.luna.akamaiapis.net" + path),
            Encoding.UTF8.GetBytes(body), "20140321T19:34:21+0000", "nonce-xx-xxxx-xxxx-xxxx-xxxxxxxxxxxx");

        header.Should().Be("EG1-HMAC-SHA256 client_token=akab-client-token-xxx-xxxxxxxxxxxxxxxx;access_token=akab-access-token-xxx-xxxxxxxxxxxxxxxx;"
            + $"timestamp=20140321T19:34:21+0000;nonce=nonce-xx-xxxx-xxxx-xxxx-xxxxxxxxxxxx;signature={signature}");
    }

    [Fact]
    public void EdgeGrid_timestamps_are_utc_in_its_own_format()
    {
        EdgeGridSigner.Timestamp(new DateTimeOffset(2014, 3, 21, 20, 34, 21, TimeSpan.FromHours(1))).Should().Be("20140321T19:34:21+0000");
    }
}
