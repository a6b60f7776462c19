using LeadRouting.Engine;

namespace LeadRouting.Quickstart;

/// <summary>
/// Twenty reps in three teams covering EMEA, North America and APAC, the way a sales-ops admin would set them up:
/// postal prefixes for the dense city territories (GB:SW is London SW, US:10 is Manhattan), regions for US states and
/// Canadian provinces, whole countries as the catch-all; a weight of 2 for senior reps; open-lead and daily caps.
/// </summary>
internal static class SampleRoster
{
    public const string Enterprise = "enterprise";
    public const string MidMarket = "mid-market";
    public const string Nurture = "nurture-sdr";

    public static Roster Create()
    {
        //                 id            name              weight open/day  territories (most specific wins)
        Rep[] enterprise =
        [
            Rep("ent-amelia", "Amelia Clarke", 2, 15, 80, "GB:SW GB:EC GB:W"),
            Rep("ent-claire", "Claire Dubois", 1, 10, 50, "GB:EC GB FR IE"),
            Rep("ent-lukas", "Lukas Becker", 1, 10, 50, "DE:10 DE:80 DE NL"),
            Rep("ent-marcus", "Marcus Reed", 2, 15, 80, "US-CA US-WA US:10"),
            Rep("ent-olivia", "Olivia Grant", 1, 10, 50, "US:10 US-TX US CA-ON"),
            Rep("ent-kenji", "Kenji Sato", 1, 10, 50, "JP SG AU:20 AU"),
        ];

        Rep[] midMarket =
        [
            Rep("mm-harry", "Harry Evans", 2, 25, 160, "GB:SW GB:EC GB"),
            Rep("mm-sophie", "Sophie Laurent", 1, 20, 120, "FR GB IE", active: false), // on leave: never chosen
            Rep("mm-felix", "Felix Wagner", 1, 20, 120, "DE:10 DE NL"),
            Rep("mm-emma", "Emma Rodriguez", 2, 25, 160, "US-CA US-WA"),
            Rep("mm-diego", "Diego Alvarez", 1, 20, 120, "US-TX US-FL US"),
            Rep("mm-noah", "Noah Wilson", 1, 20, 120, "US:10 US-NY CA-ON CA"),
            Rep("mm-mei", "Mei Tan", 1, 20, 120, "SG AU:20 AU JP"),
        ];

        Rep[] nurture =
        [
            Rep("sdr-ava", "Ava Thompson", 1, 40, 180, "GB IE FR"),
            Rep("sdr-jan", "Jan de Vries", 1, 40, 180, "DE NL FR"),
            Rep("sdr-chloe", "Chloe Bernard", 1, 40, 180, "FR DE GB IE"),
            Rep("sdr-liam", "Liam Murphy", 1, 40, 180, "US CA"),
            Rep("sdr-zoe", "Zoe Carter", 1, 40, 180, "US CA"),
            Rep("sdr-ethan", "Ethan Brooks", 2, 50, 260, "US CA GB"),
            Rep("sdr-hana", "Hana Yoshida", 1, 40, 180, "JP SG AU NZ"),
        ];

        return new Roster(
            [.. enterprise, .. midMarket, .. nurture],
            [
                new Team(Enterprise, Ids(enterprise)) { DisplayName = "Enterprise" },
                new Team(MidMarket, Ids(midMarket)) { DisplayName = "Mid-market" },
                new Team(Nurture, Ids(nurture)) { DisplayName = "Nurture / SDR" },
            ]);
    }

    private static Rep Rep(string id, string name, int weight, int maxOpen, int maxPerDay, string territories, bool active = true) =>
        new(id)
        {
            DisplayName = name,
            Weight = weight,
            Seniority = weight,
            MaxOpenLeads = maxOpen,
            MaxLeadsPerDay = maxPerDay,
            Territories = Array.ConvertAll(territories.Split(' ', StringSplitOptions.RemoveEmptyEntries), Territory.Parse),
            IsActive = active,
        };

    private static string[] Ids(Rep[] reps) => Array.ConvertAll(reps, r => r.Id);
}
