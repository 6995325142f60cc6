using System.ComponentModel.DataAnnotations;
using NetworkSync.Storage.Coordination;

namespace NetworkSync.App.Tests.Coordination;

public sealed class CoordinationOptionsTests
{
    [Theory]
    [InlineData(60, 15, true)]
    [InlineData(60, 30, true)]
    [InlineData(60, 31, false)]
    [InlineData(10, 60, false)]
    public void A_lease_must_be_renewed_at_least_twice_per_lease_length(int leaseSeconds, int renewSeconds, bool valid)
    {
        var options = new CoordinationOptions { LeaseSeconds = leaseSeconds, LeaseRenewSeconds = renewSeconds };
        var problems = new List<ValidationResult>();

        Assert.Equal(valid, Validator.TryValidateObject(options, new ValidationContext(options), problems, validateAllProperties: true));
        Assert.Equal(valid ? [] : ["Coordination:LeaseRenewSeconds must be at most half of Coordination:LeaseSeconds"], problems.Select(p => p.ErrorMessage));
    }
}
