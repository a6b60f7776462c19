namespace LeadRouting.Engine.Tests.PublicApi;

/// <summary>
/// The public surface of both packages is reviewed, never accidental: it is written to a committed file, and any change
/// to it fails here until the file is updated (see the failure message for how).
/// </summary>
public class PublicApiTests
{
    [Fact]
    public void The_public_api_of_LeadRouting_Engine_is_the_approved_one() =>
        PublicApiApproval.Verify(typeof(RoutingEngine).Assembly);

    [Fact]
    public void The_public_api_of_LeadRouting_Engine_Hosting_is_the_approved_one() =>
        PublicApiApproval.Verify(typeof(LeadRouting.Engine.Hosting.ILeadRouter).Assembly);
}
