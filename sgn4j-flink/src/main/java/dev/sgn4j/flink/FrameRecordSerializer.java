package dev.sgn4j.flink;

import dev.sgn4j.Frame;
import dev.sgn4j.process.codec.CodecRegistry;
import dev.sgn4j.process.codec.ItemCodec;
import dev.sgn4j.process.codec.TaggedItemCodec;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.common.typeutils.TypeSerializerSchemaCompatibility;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

/**
 * Flink's serializer for {@link FrameRecord}s: the record's header, then its frame in
 * sgn4j-process's codec format, the encoding worker processes use, with the user codecs registered
 * in the client when the job was built. Frames never fall back to Kryo: a value no codec knows
 * fails with the codec's message naming its class and field path.
 *
 * <p>Flink gives each thread its own {@linkplain #duplicate() duplicate}; one instance is used by
 * one thread at a time.
 */
final class FrameRecordSerializer extends TypeSerializer<FrameRecord> {

  private static final long serialVersionUID = 1L;

  private static final FrameRecord.Kind[] KINDS = FrameRecord.Kind.values();

  /** The user codecs as {@link CodecRegistry#codecNames()} gives them. */
  private final List<String> codecNames;

  private transient ItemCodec codec;
  private transient byte[] buffer;

  FrameRecordSerializer(List<String> codecNames) {
    this.codecNames = new ArrayList<>(codecNames);
  }

  private ItemCodec codec() {
    ItemCodec current = codec;
    if (current == null) {
      current =
          new TaggedItemCodec(
              new CodecRegistry().registerByName(codecNames), "a frame crossing Flink tasks");
      codec = current;
    }
    return current;
  }

  private byte[] buffer(int size) {
    byte[] current = buffer;
    if (current == null || current.length < size) {
      current = new byte[Math.max(size, current == null ? 256 : current.length * 2)];
      buffer = current;
    }
    return current;
  }

  @Override
  public boolean isImmutableType() {
    return false;
  }

  @Override
  public TypeSerializer<FrameRecord> duplicate() {
    return new FrameRecordSerializer(codecNames);
  }

  @Override
  public FrameRecord createInstance() {
    return FrameRecord.end(0, 0);
  }

  /** Records and frames are immutable values: a copy is the record itself, as in a local run. */
  @Override
  public FrameRecord copy(FrameRecord from) {
    return from;
  }

  @Override
  public FrameRecord copy(FrameRecord from, FrameRecord reuse) {
    return from;
  }

  @Override
  public int getLength() {
    return -1;
  }

  @Override
  public void serialize(FrameRecord record, DataOutputView target) throws IOException {
    target.writeByte(record.kind().ordinal());
    target.writeInt(record.producer());
    target.writeInt(record.pad());
    target.writeLong(record.iteration());
    if (record.frame() == null) {
      target.writeInt(-1);
      return;
    }
    ItemCodec.Encoded encoded = codec().encode(record.frame());
    int size = encoded.size();
    byte[] bytes = buffer(size);
    encoded.writeTo(ByteBuffer.wrap(bytes, 0, size));
    target.writeInt(size);
    target.write(bytes, 0, size);
  }

  @Override
  public FrameRecord deserialize(DataInputView source) throws IOException {
    FrameRecord.Kind kind = KINDS[source.readByte()];
    int producer = source.readInt();
    int pad = source.readInt();
    long iteration = source.readLong();
    int size = source.readInt();
    Frame frame = null;
    if (size >= 0) {
      byte[] bytes = buffer(size);
      source.readFully(bytes, 0, size);
      frame = (Frame) codec().decode(ByteBuffer.wrap(bytes, 0, size));
    }
    return new FrameRecord(kind, producer, pad, iteration, frame);
  }

  @Override
  public FrameRecord deserialize(FrameRecord reuse, DataInputView source) throws IOException {
    return deserialize(source);
  }

  @Override
  public void copy(DataInputView source, DataOutputView target) throws IOException {
    target.writeByte(source.readByte());
    target.writeInt(source.readInt());
    target.writeInt(source.readInt());
    target.writeLong(source.readLong());
    int size = source.readInt();
    target.writeInt(size);
    if (size > 0) {
      target.write(source, size);
    }
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof FrameRecordSerializer that && codecNames.equals(that.codecNames);
  }

  @Override
  public int hashCode() {
    return codecNames.hashCode();
  }

  @Override
  public TypeSerializerSnapshot<FrameRecord> snapshotConfiguration() {
    return new Snapshot(codecNames);
  }

  /** The serializer's configuration in a checkpoint or savepoint: its codec names. */
  public static final class Snapshot implements TypeSerializerSnapshot<FrameRecord> {

    private List<String> codecNames;

    /** For Flink, which creates snapshots by reflection before reading them. */
    public Snapshot() {
      this(List.of());
    }

    Snapshot(List<String> codecNames) {
      this.codecNames = List.copyOf(codecNames);
    }

    @Override
    public int getCurrentVersion() {
      return 1;
    }

    @Override
    public void writeSnapshot(DataOutputView out) throws IOException {
      out.writeInt(codecNames.size());
      for (String name : codecNames) {
        out.writeUTF(name);
      }
    }

    @Override
    public void readSnapshot(int version, DataInputView in, ClassLoader loader) throws IOException {
      int count = in.readInt();
      List<String> names = new ArrayList<>(count);
      for (int i = 0; i < count; i++) {
        names.add(in.readUTF());
      }
      codecNames = List.copyOf(names);
    }

    @Override
    public TypeSerializer<FrameRecord> restoreSerializer() {
      return new FrameRecordSerializer(codecNames);
    }

    @Override
    public TypeSerializerSchemaCompatibility<FrameRecord> resolveSchemaCompatibility(
        TypeSerializerSnapshot<FrameRecord> old) {
      return old instanceof Snapshot that && that.codecNames.equals(codecNames)
          ? TypeSerializerSchemaCompatibility.compatibleAsIs()
          : TypeSerializerSchemaCompatibility.incompatible();
    }
  }
}
