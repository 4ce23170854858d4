package nl.afsprakenwiki.access;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The permission matrix (docs/PERMISSIONS.md, checked against this class by a test). Koppelzone
 * roles count only in their own koppelzone: a member of one koppelzone has no rights in another.
 */
public final class Permissions {

    /** The columns of the matrix, from least to most. */
    public enum Column { ANONIEM, ACCOUNT, LEZER, PRAKTIJKEXPERT, MANAGER, VOORZITTER, BEHEERDER }

    private static final Set<Permission> EVERYONE = EnumSet.of(Permission.READ_PUBLISHED);
    private static final Set<Permission> ANY_ACCOUNT = EnumSet.of(Permission.READ_PUBLISHED, Permission.OWN_ACCOUNT);
    private static final Map<Role, Set<Permission>> BY_ROLE = Map.of(
            Role.LEZER, EnumSet.of(Permission.READ_DRAFTS, Permission.ACKNOWLEDGE, Permission.COMMENT),
            Role.PRAKTIJKEXPERT, EnumSet.of(Permission.READ_DRAFTS, Permission.CREATE, Permission.EDIT,
                    Permission.RESTORE, Permission.PROPOSE, Permission.ACKNOWLEDGE, Permission.COMMENT),
            Role.MANAGER, EnumSet.of(Permission.READ_DRAFTS, Permission.ENDORSE, Permission.ACKNOWLEDGE, Permission.COMMENT),
            Role.VOORZITTER, EnumSet.of(Permission.READ_DRAFTS, Permission.CREATE, Permission.EDIT,
                    Permission.RESTORE, Permission.PROPOSE, Permission.RETIRE, Permission.SCHEDULE_REVIEW,
                    Permission.ACKNOWLEDGE, Permission.RUN_MEETINGS, Permission.MANAGE_KOPPELZONE,
                    Permission.MODERATE_EXPERIENCES, Permission.COMMENT, Permission.MODERATE_DISCUSSION,
                    Permission.REVIEW_PRIVACY));
    /**
     * Endorsing and taking note are done by members for their own organisation; a beheerder does
     * neither on behalf of others.
     */
    private static final Set<Permission> ADMIN = EnumSet.complementOf(EnumSet.of(Permission.ENDORSE,
            Permission.ACKNOWLEDGE));

    private Permissions() {
    }

    public static boolean allows(Viewer viewer, Permission permission, Long koppelzoneId) {
        if (EVERYONE.contains(permission)) {
            return true;
        }
        if (!viewer.authenticated()) {
            return false;
        }
        if (ANY_ACCOUNT.contains(permission)) {
            return true;
        }
        if (viewer.admin() && ADMIN.contains(permission)) {
            return true;
        }
        if (koppelzoneId == null) {
            return false;
        }
        return viewer.roleIn(koppelzoneId).map(role -> BY_ROLE.get(role).contains(permission)).orElse(false);
    }

    /** The matrix as a table: for each permission, the columns that have it (in their own koppelzone). */
    public static Map<Permission, Set<Column>> matrix() {
        Map<Permission, Set<Column>> matrix = new java.util.EnumMap<>(Permission.class);
        for (Permission permission : Permission.values()) {
            Set<Column> columns = EnumSet.noneOf(Column.class);
            if (EVERYONE.contains(permission)) {
                columns.add(Column.ANONIEM);
            }
            if (EVERYONE.contains(permission) || ANY_ACCOUNT.contains(permission)) {
                columns.addAll(List.of(Column.ACCOUNT, Column.LEZER, Column.PRAKTIJKEXPERT, Column.MANAGER,
                        Column.VOORZITTER));
            }
            for (Map.Entry<Role, Set<Permission>> entry : BY_ROLE.entrySet()) {
                if (entry.getValue().contains(permission)) {
                    columns.add(Column.valueOf(entry.getKey().name()));
                }
            }
            if (EVERYONE.contains(permission) || ANY_ACCOUNT.contains(permission) || ADMIN.contains(permission)) {
                columns.add(Column.BEHEERDER);
            }
            matrix.put(permission, columns);
        }
        return matrix;
    }
}
