"""Stand-in speech engines for the speech processes: they run in another process, so they live in a module."""

import os
import time

import lameenc


def silence_mp3(seconds: float = 1.0) -> bytes:
    encoder = lameenc.Encoder()
    encoder.set_bit_rate(32)
    encoder.set_in_sample_rate(22050)
    encoder.set_out_sample_rate(22050)
    encoder.set_channels(1)
    return bytes(encoder.encode(b"\x00\x00" * int(22050 * seconds)) + encoder.flush())


class Misbehaving:
    """Speaks anything as a second of silence, except: "hang" never returns, "crash" ends the process,
    "broken" fails the way an engine error does, and "whoami" answers with the process id."""

    available = True

    def synthesize(self, text: str, lang: str) -> bytes:
        if not text.strip():
            raise ValueError("there is no text to speak")
        if text == "hang":
            while True:
                time.sleep(3600)
        if text == "crash":
            os._exit(3)
        if text == "broken":
            raise RuntimeError("the engine reported an error")
        if text == "whoami":
            return str(os.getpid()).encode()
        return silence_mp3()


class Unavailable:
    available = False


def misbehaving(_options: dict) -> Misbehaving:
    return Misbehaving()


def unavailable(_options: dict) -> Unavailable:
    return Unavailable()


def fails_to_start(_options: dict):
    raise OSError("libespeak-ng.so.1: cannot open shared object file")
