package outsiders;

/** A serialisable class outside the workers' default allow-list. */
public final class Outsider implements java.io.Serializable {
    private static final long serialVersionUID = 1L;
}
