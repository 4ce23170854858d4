package nl.afsprakenwiki.search.analysis;

import org.apache.lucene.util.AttributeImpl;
import org.apache.lucene.util.AttributeReflector;

/** Default implementation of {@link JoinAttribute}; internal to the analysis chain. */
public final class JoinAttributeImpl extends AttributeImpl implements JoinAttribute {
  private int partIndex;
  private int partCount;
  private String joined;

  @Override
  public int partIndex() {
    return partIndex;
  }

  @Override
  public int partCount() {
    return partCount;
  }

  @Override
  public String joined() {
    return joined;
  }

  @Override
  public void set(int partIndex, int partCount, String joined) {
    this.partIndex = partIndex;
    this.partCount = partCount;
    this.joined = joined;
  }

  @Override
  public void clear() {
    set(0, 0, null);
  }

  @Override
  public void copyTo(AttributeImpl target) {
    ((JoinAttribute) target).set(partIndex, partCount, joined);
  }

  @Override
  public void reflectWith(AttributeReflector reflector) {
    reflector.reflect(JoinAttribute.class, "partIndex", partIndex);
    reflector.reflect(JoinAttribute.class, "partCount", partCount);
    reflector.reflect(JoinAttribute.class, "joined", joined);
  }
}
