package dev.weft.repro;

/** The publication a reproduction reruns: who, what, when, where. */
public record Paper(String title, String authors, int year, String venue) {
    /** "LeCun et al. 1998", "Hochreiter and Schmidhuber 1997": surnames (authors are comma-separated) and the year. */
    public String shortCite() {
        String[] names = authors.split(",");
        String first = surname(names[0]);
        return switch (names.length) {
            case 1 -> first + " " + year;
            case 2 -> first + " and " + surname(names[1]) + " " + year;
            default -> first + " et al. " + year;
        };
    }

    private static String surname(String name) {
        String n = name.trim();
        return n.substring(n.lastIndexOf(' ') + 1);
    }

    /** Authors, year, title, venue, as one line. */
    public String cite() {
        return authors + " (" + year + "). " + title + ". " + venue + ".";
    }
}
