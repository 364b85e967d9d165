// The Japanese font the app ships (Noto Sans JP, regular and bold, from the npm package): the browser loads only
// the unicode-range slices a page uses, from the app's own files, so Japanese renders offline on a machine that
// has no CJK font installed.
import '@fontsource/noto-sans-jp/400.css';
import '@fontsource/noto-sans-jp/700.css';
