using CertOperator.Kubernetes.Model;
using CertOperator.Testing;

namespace CertOperator.Kubernetes.Tests;

public sealed class ConditionsTests
{
    private readonly FakeTimeProvider _time = new();
    private readonly List<Condition> _conditions = [];

    [Fact]
    public void A_new_condition_gets_the_current_time_and_generation()
    {
        Conditions.Set(_conditions, "Ready", Conditions.False, "Pending", "waiting", 3, _time).Should().BeTrue();

        _conditions.Should().ContainSingle().Which.Should().BeEquivalentTo(new
        {
            Type = "Ready", Status = "False", Reason = "Pending", Message = "waiting", ObservedGeneration = 3L, LastTransitionTime = _time.GetUtcNow(),
        });
    }

    [Fact]
    public void Same_status_with_a_new_message_keeps_the_transition_time()
    {
        Conditions.Set(_conditions, "Ready", Conditions.False, "Pending", "waiting", 1, _time);
        var first = _time.GetUtcNow();
        _time.Advance(TimeSpan.FromMinutes(5));

        Conditions.Set(_conditions, "Ready", Conditions.False, "Pending", "still waiting", 2, _time).Should().BeTrue();

        _conditions[0].LastTransitionTime.Should().Be(first);
        _conditions[0].Message.Should().Be("still waiting");
        _conditions[0].ObservedGeneration.Should().Be(2);
    }

    [Fact]
    public void A_status_change_moves_the_transition_time()
    {
        Conditions.Set(_conditions, "Ready", Conditions.False, "Pending", "waiting", 1, _time);
        _time.Advance(TimeSpan.FromMinutes(5));

        Conditions.Set(_conditions, "Ready", Conditions.True, "Issued", "ok", 1, _time);

        _conditions[0].LastTransitionTime.Should().Be(_time.GetUtcNow());
        Conditions.IsTrue(_conditions, "Ready").Should().BeTrue();
    }

    [Fact]
    public void Setting_identical_values_reports_no_change()
    {
        Conditions.Set(_conditions, "Ready", Conditions.True, "Issued", "ok", 1, _time);

        Conditions.Set(_conditions, "Ready", Conditions.True, "Issued", "ok", 1, _time).Should().BeFalse();
        Conditions.Remove(_conditions, "Ready").Should().BeTrue();
        _conditions.Should().BeEmpty();
    }
}
