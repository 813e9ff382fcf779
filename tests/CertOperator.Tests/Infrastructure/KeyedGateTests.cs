using CertOperator.Infrastructure;

namespace CertOperator.Tests.Infrastructure;

/// <summary>One holder per key at a time; other keys pass; a key's gate goes away once nobody holds or waits for it.</summary>
public sealed class KeyedGateTests
{
    private readonly KeyedGate<string> _gate = new(StringComparer.OrdinalIgnoreCase);

    [Fact]
    public async Task A_second_caller_for_the_same_key_waits_until_the_first_lets_go()
    {
        var first = await _gate.EnterAsync("_acme-challenge.example.com.", CancellationToken.None);
        var second = _gate.EnterAsync("_ACME-challenge.example.com.", CancellationToken.None);

        await Task.Delay(50);
        second.IsCompleted.Should().BeFalse();
        first.Dispose();
        (await second.WaitAsync(TimeSpan.FromSeconds(5))).Dispose();

        _gate.Count.Should().Be(0);
    }

    [Fact]
    public async Task Another_key_does_not_wait()
    {
        using var held = await _gate.EnterAsync("a.", CancellationToken.None);

        using var other = await _gate.EnterAsync("b.", CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(5));

        _gate.Count.Should().Be(2);
    }

    [Fact]
    public async Task A_waiter_that_gives_up_leaves_no_gate_behind_and_does_not_hold_the_key()
    {
        var held = await _gate.EnterAsync("a.", CancellationToken.None);
        using var cancel = new CancellationTokenSource();
        var waiting = _gate.EnterAsync("a.", cancel.Token);

        await cancel.CancelAsync();
        await FluentActions.Awaiting(() => waiting).Should().ThrowAsync<OperationCanceledException>();
        held.Dispose();
        held.Dispose();

        _gate.Count.Should().Be(0);
        (await _gate.EnterAsync("a.", CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(5))).Dispose();
    }
}
