package nl.afsprakenwiki.agreements;

/**
 * The recent changes of one agreement, as "recent changes" shows them: its newest revision the viewer
 * may see, how many of its revisions are among the recent ones and by how many people.
 */
public record RecentGroup(RecentChange latest, int changes, int people) {
}
