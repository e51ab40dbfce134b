package dev.sgn4j.flink;

import java.util.List;
import org.apache.flink.api.common.serialization.SerializerConfig;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.TypeSerializer;

/**
 * Flink's type information for {@link FrameRecord}: tells Flink to use {@link
 * FrameRecordSerializer} (sgn4j's codecs), never Kryo or its POJO serializer.
 */
final class FrameRecordType extends TypeInformation<FrameRecord> {

  private static final long serialVersionUID = 1L;

  private final List<String> codecNames;

  FrameRecordType(List<String> codecNames) {
    this.codecNames = List.copyOf(codecNames);
  }

  @Override
  public boolean isBasicType() {
    return false;
  }

  @Override
  public boolean isTupleType() {
    return false;
  }

  @Override
  public int getArity() {
    return 1;
  }

  @Override
  public int getTotalFields() {
    return 1;
  }

  @Override
  public Class<FrameRecord> getTypeClass() {
    return FrameRecord.class;
  }

  @Override
  public boolean isKeyType() {
    return false;
  }

  @Override
  public TypeSerializer<FrameRecord> createSerializer(SerializerConfig config) {
    return new FrameRecordSerializer(codecNames);
  }

  @Override
  public String toString() {
    return "FrameRecord(sgn4j codecs)";
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof FrameRecordType that && codecNames.equals(that.codecNames);
  }

  @Override
  public int hashCode() {
    return codecNames.hashCode();
  }

  @Override
  public boolean canEqual(Object other) {
    return other instanceof FrameRecordType;
  }
}
