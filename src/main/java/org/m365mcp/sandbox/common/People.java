package org.m365mcp.sandbox.common;

/**
 * The made-up Contoso tenant's people and business topics, shared by the mail, calendar, address
 * book and OneDrive seeders so that one person or project shows up across all of them.
 *
 * <p>Arrays are exposed for speed while seeding; nobody may write to them.
 */
public final class People {

    /** Colleagues in the tenant; {@code Megan Bowen} is also the second demo account's owner. */
    public static final String[] NAMES = {
        "Alex Wilber",
        "Megan Bowen",
        "Lee Gu",
        "Nestor Wilke",
        "Patti Fernandez",
        "Pradeep Gupta",
        "Lidia Holloway",
        "Lynne Robbins",
        "Miriam Graham",
        "Isaiah Langer",
        "Johanna Lorenz",
        "Joni Sherman",
        "Grady Archie",
        "Diego Siciliani",
        "Irvin Sayers",
        "Henrietta Mueller",
        "Christie Cline",
        "Allan Deyoung",
        "Enrico Cattaneo"
    };

    /** What Contoso works on. */
    public static final String[] TOPICS = {
        "Mark 8 launch", "Q3 budget review", "Contoso Retail rollout", "Fabrikam partnership",
        "Northwind renewal", "Tailspin onboarding", "security audit", "customer survey results",
        "sales kick-off", "warehouse migration", "marketing plan", "hiring for the design team"
    };

    /** Job titles and departments, by index of {@link #NAMES} modulo their length. */
    public static final String[][] ROLES = {
        {"Retail Manager", "Retail"}, {"Marketing Manager", "Marketing"}, {"Director", "Manufacturing"},
        {"Designer", "Research & Development"}, {"Controller", "Finance"}, {"Product Manager", "Sales & Marketing"},
        {"Attorney", "Legal"}, {"Product Manager", "Sales"}, {"HR Manager", "Human Resources"},
        {"Sales Rep", "Sales"}, {"Planner", "Operations"}
    };

    private People() {}
}
