using System.IO.Pipelines;
using System.Text;
using CertOperator.Metrics;
using CertOperator.Testing;

namespace CertOperator.Tests.Metrics;

/// <summary>The Prometheus text writer the cache-computed gauges are scraped through.</summary>
public sealed class MetricsTextTests
{
    private static async Task<string> WriteAsync(Func<MetricsText, ValueTask> write)
    {
        var pipe = new Pipe();
        await write(new MetricsText(pipe.Writer));
        await pipe.Writer.CompleteAsync();
        using var bytes = new MemoryStream();
        await pipe.Reader.CopyToAsync(bytes);
        return Encoding.UTF8.GetString(bytes.ToArray());
    }

    [Fact]
    public async Task A_family_is_announced_once_before_its_first_sample()
    {
        var text = await WriteAsync(t =>
        {
            t.Gauge("x_ready", "Ready or not.").Label("name", "a").Label("condition", "True").Value(1);
            t.Gauge("x_ready", "Ready or not.").Label("name", "a").Label("condition", "False").Value(0);
            t.Gauge("x_time", "When.").Value(1_796_064_067);
            return ValueTask.CompletedTask;
        });

        text.Should().Be("""
            # HELP x_ready Ready or not.
            # TYPE x_ready gauge
            x_ready{name="a",condition="True"} 1
            x_ready{name="a",condition="False"} 0
            # HELP x_time When.
            # TYPE x_time gauge
            x_time 1796064067

            """.ReplaceLineEndings("\n"));
    }

    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("quote \" here", "quote \\\" here")]
    [InlineData("back\\slash", "back\\\\slash")]
    [InlineData("two\nlines", "two\\nlines")]
    [InlineData("ünïcødé.example", "ünïcødé.example")]
    public async Task Label_values_are_escaped_as_the_text_format_requires_and_parse_back(string value, string written)
    {
        var text = await WriteAsync(t =>
        {
            t.Gauge("x", "help").Label("v", value).Value(0.25);
            return ValueTask.CompletedTask;
        });

        text.Should().Contain($"x{{v=\"{written}\"}} 0.25\n");
        PrometheusText.Parse(text, out var types).Should().ContainSingle().Which["v"].Should().Be(value);
        types.Should().Contain("x", "gauge");
    }

    [Theory]
    [InlineData(0, "0")]
    [InlineData(-3, "-3")]
    [InlineData(1.5, "1.5")]
    [InlineData(1e20, "1E+20")]
    [InlineData(double.NaN, "NaN")]
    [InlineData(double.PositiveInfinity, "+Inf")]
    public async Task Values_are_written_as_Prometheus_reads_them(double value, string written)
    {
        var text = await WriteAsync(t =>
        {
            t.Gauge("x", "help").Value(value);
            return ValueTask.CompletedTask;
        });

        text.Should().EndWith($"\nx {written}\n");
    }

    [Fact]
    public async Task A_family_started_again_after_another_is_refused_rather_than_announced_twice()
    {
        var write = () => WriteAsync(t =>
        {
            t.Gauge("a", "help").Value(1);
            t.Gauge("b", "help").Value(1);
            t.Gauge("a", "help").Value(2);
            return ValueTask.CompletedTask;
        });

        await write.Should().ThrowAsync<InvalidOperationException>().WithMessage("*a were not written together*");
    }

    [Fact]
    public async Task Help_text_escapes_backslashes_and_newlines_but_not_quotes()
    {
        var text = await WriteAsync(t =>
        {
            t.Gauge("x", "a \"quoted\" \\ and\nmore").Value(1);
            return ValueTask.CompletedTask;
        });

        text.Should().StartWith("# HELP x a \"quoted\" \\\\ and\\nmore\n");
    }
}
