import { measureAnalysis } from './inProcess';
import { bigInput } from './inputs';
void measureAnalysis([bigInput()], { time: 6000, iterations: 60, warmupIterations: 10 }, (s) => console.log(s));
