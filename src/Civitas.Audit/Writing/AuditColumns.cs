namespace Civitas.Audit.Writing;

/// <summary>The entry columns in the order the raw-SQL appenders write them (names fixed in <c>AuditDbContext</c>).</summary>
internal static class AuditColumns
{
    public const string List =
        "sequence, event_id, event_name, event_type, action_time, host_name, host_ip, application_id, application_name, "
        + "session_user_id, session_user_name, ref_id, ref_id_type, created_by, module_name, module_id, description, recorded_at, hash";

    public const int Count = 19;
}
