// Names shared by main, the trainer window's preload and its page: the IPC channel on which main hands the
// hidden WebGPU trainer window its MessagePort, and the window message that carries it into the page.
export const TRAINER_PORT_CHANNEL = 'trainer-window:port';
export const TRAINER_PORT_MESSAGE = 'gradient-lab:trainer-port';
/** The page of the trainer window, relative to the built renderer folder. */
export const TRAINER_PAGE = 'trainer.html';
