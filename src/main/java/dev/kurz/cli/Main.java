package dev.kurz.cli;

public final class Main {
  public static void main(String[] args) {
    System.out.println("kurz " + Runtime.version());
  }
}
