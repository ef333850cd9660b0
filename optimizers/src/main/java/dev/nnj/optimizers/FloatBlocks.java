package dev.nnj.optimizers;

/** Parameter blocks between single and double precision, for the float steps' defaults. */
final class FloatBlocks {

  private FloatBlocks() {}

  /** Each block in double (exactly). */
  static double[][] widen(float[][] blocks) {
    double[][] widened = new double[blocks.length][];
    for (int b = 0; b < blocks.length; b++) {
      float[] block = blocks[b];
      double[] into = new double[block.length];
      for (int i = 0; i < block.length; i++) {
        into[i] = block[i];
      }
      widened[b] = into;
    }
    return widened;
  }

  /** Each value of {@code from} rounded to float into {@code into}, block by block. */
  static void narrow(double[][] from, float[][] into) {
    for (int b = 0; b < into.length; b++) {
      double[] block = from[b];
      float[] to = into[b];
      for (int i = 0; i < to.length; i++) {
        to[i] = (float) block[i];
      }
    }
  }

  /** Each block rounded to float. */
  static float[][] narrowed(double[][] blocks) {
    float[][] narrowed = new float[blocks.length][];
    for (int b = 0; b < blocks.length; b++) {
      narrowed[b] = new float[blocks[b].length];
    }
    narrow(blocks, narrowed);
    return narrowed;
  }
}
