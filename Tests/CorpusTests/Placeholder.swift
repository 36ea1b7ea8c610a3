// Tests of this target are added with its implementation.
import Testing
